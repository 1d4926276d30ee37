"""One process serves everything: the chat at /, the widget at /widget and /embed.js, the HTTP API
(/api/ask, /api/feedback, /healthz, OpenAPI at /docs), all on the same answering service."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import gradio as gr
from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from . import ui
from .answer import QuestionError
from .feedback import FeedbackError, FeedbackStorageError
from .guard import Busy, Guard, request_user
from .service import Service
from .settings import Settings
from .store import StoreError

log = logging.getLogger("assistant")
MAX_BODY_BYTES = 1_000_000


class AskRequest(BaseModel):
    question: str
    history: list[dict[str, Any]] = Field(default_factory=list)


class FeedbackRequest(BaseModel):
    rating: str = Field(description="up or down")
    question: str = Field(max_length=20_000)
    answer: str = Field(max_length=50_000)
    language: str = Field("", max_length=8)
    citations: list[dict[str, Any]] = Field(default_factory=list, max_length=50)
    backend: dict[str, Any] = Field(default_factory=dict)
    comment: str = Field("", max_length=5_000)


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _client_key(request: Request, settings: Settings) -> str:
    return request_user(settings, request.headers) or (request.client.host if request.client else "?")


def create_app(settings: Settings, service: Service) -> FastAPI:
    app = FastAPI(title="article-assistant", version="0.1.0", docs_url="/docs", redoc_url=None,
                  description="Grounded, cited answers about news articles.")

    @app.get("/healthz")
    def healthz() -> JSONResponse:
        report = service.health()
        return JSONResponse(report, status_code=200 if report["status"] == "ok" else 503)

    @app.post("/api/ask")
    def ask(body: AskRequest, request: Request) -> Any:
        """Same JSON as `assistant ask --json`. Errors: 4xx/5xx with {"error": message}."""
        wait = service.limiter.retry_after(_client_key(request, settings))
        if wait:
            return JSONResponse({"error": "too many questions; slow down", "retry_after_s": wait},
                                status_code=429, headers={"Retry-After": str(wait)})
        try:
            return service.ask(body.question, body.history).to_json()
        except QuestionError as exc:
            return _error(422, str(exc))
        except Busy as exc:
            return JSONResponse({"error": str(exc)}, status_code=503, headers={"Retry-After": "5"})
        except TimeoutError as exc:
            return _error(504, str(exc))
        except StoreError as exc:
            log.warning("store error: %s", exc)
            return _error(503, "the article index is unavailable; try again shortly")

    @app.post("/api/feedback")
    def feedback(body: FeedbackRequest, request: Request) -> Any:
        try:
            row = service.feedback.add(**body.model_dump(), index_version=service.index_version(),
                                       user=request_user(settings, request.headers),
                                       client_id=request.client.host if request.client else "")
        except FeedbackError as exc:
            return _error(422, str(exc))
        except FeedbackStorageError as exc:
            log.error("feedback not stored: %s", exc)
            return _error(503, "the feedback could not be stored; try again")
        return {"id": row, "stored": True}

    script = (Path(__file__).parent / "static" / "embed.js").read_text(encoding="utf-8")

    @app.get("/embed.js", include_in_schema=False)
    def embed_js() -> Response:
        return Response(script, media_type="application/javascript",
                        headers={"Cache-Control": "public, max-age=300", "Cross-Origin-Resource-Policy": "cross-origin"})

    @app.middleware("http")
    async def limit_body(request: Request, call_next):
        size = request.headers.get("content-length", "0")
        if size.isdigit() and int(size) > MAX_BODY_BYTES:
            return _error(413, f"request too large (at most {MAX_BODY_BYTES} bytes)")
        return await call_next(request)

    gradio_options = dict(i18n=ui.I18N, theme=ui.THEME, ssr_mode=False, show_error=False)
    widget = ui.build(service, compact=True).queue(max_size=None, default_concurrency_limit=None)
    app = gr.mount_gradio_app(app, widget, path="/widget", css=ui.WIDGET_CSS, footer_links=[], **gradio_options)
    chat = ui.build(service).queue(max_size=None, default_concurrency_limit=None)
    app = gr.mount_gradio_app(app, chat, path="/", css=ui.CSS, footer_links=["api"], **gradio_options)
    app.add_middleware(CORSMiddleware, allow_origins=settings.origins(), allow_methods=["GET", "POST"],
                       allow_headers=["Content-Type", "Authorization"], allow_credentials=bool(settings.users()))
    app.add_middleware(Guard, settings=settings)
    return app


def serve(settings: Settings, service: Service) -> None:
    import uvicorn

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # httpx logs every request at INFO: with a Chroma server that is ~10 lines per answer, drowning the rest.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    app = create_app(settings, service)
    where = f"http://{settings.host}:{settings.port}{settings.root_path}/"
    print(f"serving on {where} (widget: {where}widget/, script: {where}embed.js, API docs: {where}docs)",
          flush=True)
    uvicorn.run(app, host=settings.host, port=settings.port, root_path=settings.root_path,
                log_level="warning", timeout_graceful_shutdown=5)

