"""Chapter 4's exercises (registered on import)."""
