"""Chapter 5's exercises (registered on import)."""
