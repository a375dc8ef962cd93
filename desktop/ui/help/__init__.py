"""Help: what to do when a code does not work, checked live for the chosen account."""
