"""How the app looks: its light and dark palettes (applied by the app when the platform gives none), its
bundled icons tinted to the palette, and the text size of the transcript and composer."""
