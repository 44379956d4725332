"""Item pipelines: the batched warehouse store (which feeds the background article parser)."""
