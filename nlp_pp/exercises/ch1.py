"""Chapter 1's exercises (registered on import)."""
