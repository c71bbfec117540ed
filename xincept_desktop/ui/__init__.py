"""Qt views over the core. Imported lazily by the ``xincept-desktop`` entry point."""
