"""The modal screens: forms and pickers that dismiss their answer to a callback."""
