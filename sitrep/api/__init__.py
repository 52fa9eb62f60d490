"""The REST API and the dashboard: a FastAPI app over any store that keeps the contract of
``sitrep.store.base`` (SQLite or PostgreSQL alike: the API never writes SQL of its own)."""
from .app import create_app
from .config import ApiConfig, load_config

__all__ = ["ApiConfig", "create_app", "load_config"]
