"""Placing: a document's fragments onto the national grid, one ordered list of steps
(:data:`.steps.STEPS`) over one :class:`~.state.State`."""
