"""The parts of the redline plan below :mod:`noai.plan` (which keeps :func:`~noai.plan.make_plan`, the fixes
chosen and the orchestration): :mod:`.edit` (the edit), :mod:`.strategy` (the situation and the clauses fitted to
it), :mod:`.placement` (where and in what form a clause goes), :mod:`.definitions` (the inserted clauses with
their terms defined once), :mod:`.comments` (the strategy comment and the comments' wording).

Pure like the plan: they import :mod:`noai.analysis`, :mod:`noai.library`, :mod:`noai.ooxml` and the floor,
each other without cycles, and never :mod:`noai.plan` (``scripts/lint imports``).
"""
