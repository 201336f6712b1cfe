"""clinic_desktop: assessment and documents for physical-therapy clinics that treat runners."""

__version__ = "0.1.0"
