"""The documents stage: the declared kinds and which documents a year has (kinds), what
every document shares (common), one module per kind composing what it says, and the Word
file made from its template (rendering)."""
