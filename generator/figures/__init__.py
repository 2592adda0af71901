"""Drill figures drawn from pose data: a body posed by its joint angles, placed on the floor or its props, as SVG.

In: a drill's ``figure`` as the content writes it (plain data). Out: where each body part lies (which the pose
checks read, so this geometry sits below the checks), the SVG of each position and words for a pose or its change.

:mod:`.body` poses the joints (forward kinematics, human proportions), :mod:`.placement` turns the body to its base
and view and rests it on what carries it, :mod:`.props` draws the equipment, :mod:`.svg` writes the figure,
:mod:`.words` describes a pose and a change of pose for readers and for the clinical diff.
"""
