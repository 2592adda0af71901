"""Judging an athlete's log (compute stage), the same way as the site's ``evaluate.js``.

In: a log (:mod:`.log` reads and validates CSV or JSON) and a phase's rules from the model. Out: a verdict per
rule and for the phase (:mod:`.engine`): move on, keep going, hold, step back or stop.
"""
