"""Drill figures drawn from pose data: a body posed by its joint angles, placed on the floor or its props, as SVG.

:mod:`.body` poses the joints (forward kinematics, human proportions), :mod:`.placement` turns the body to its base
and view and rests it on what carries it, :mod:`.props` draws the equipment, :mod:`.svg` writes the figure,
:mod:`.words` describes a pose and a change of pose for readers and for the clinical diff.
"""
