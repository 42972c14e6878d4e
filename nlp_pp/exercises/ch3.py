"""Chapter 3's exercises (registered on import)."""
