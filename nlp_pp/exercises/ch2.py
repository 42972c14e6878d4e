"""Chapter 2's exercises (registered on import)."""
