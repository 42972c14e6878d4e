"""Chapter 6's exercises (registered on import)."""
