"""The publish-check service's old module name: it lives in ``newslint.serve`` now."""

from __future__ import annotations

from newslint.serve import ServerConfig, serve, server_config

__all__ = ["ServerConfig", "serve", "server_config"]
