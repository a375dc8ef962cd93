"""Adding an account: the add dialog, the setup key typed or pasted, and the QR code read
from the camera, the screen, a region of it, a picture file or the clipboard."""
