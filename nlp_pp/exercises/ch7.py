"""Chapter 7's exercises (registered on import)."""
