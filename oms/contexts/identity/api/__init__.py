"""The identity context's HTTP API: DRF serializers and views that call the facade only."""
