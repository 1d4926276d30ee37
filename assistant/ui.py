"""The Gradio chat: full page at /, compact widget at /widget, and the `chat` API endpoint.

Every piece of text from a user or an article goes through `safe()` before Gradio sees it, so it
shows as text: HTML is escaped and Markdown syntax neutralised. Only our own <mark> tags are live.
"""
from __future__ import annotations

import html
import logging
import re
from typing import Any

import gradio as gr

from . import lang
from .answer import Answer, QuestionError, last_user_language
from .guard import Busy, request_user
from .service import Segment, Service
from .store import StoreError

log = logging.getLogger("assistant")

LABELS = {
    "en": {"heading": "## Article assistant", "intro": "Ask about the articles. Every answer cites the passages it "
           "rests on; when the articles do not say, the assistant says so.", "placeholder": "Your question…",
           "send": "Ask", "new": "New conversation", "examples": "Examples", "chat": "Conversation",
           "comment": "Comment on the last rated answer (optional)", "send_comment": "Send comment"},
    "pt": {"heading": "## Assistente de artigos", "intro": "Pergunte sobre os artigos. Cada resposta cita os trechos em "
           "que se apoia; quando os artigos não dizem, o assistente avisa.", "placeholder": "A sua pergunta…",
           "send": "Perguntar", "new": "Nova conversa", "examples": "Exemplos", "chat": "Conversa",
           "comment": "Comentário sobre a última resposta avaliada (opcional)", "send_comment": "Enviar comentário"},
}
I18N = gr.I18n(**LABELS)

MESSAGES = {
    "queued": {"en": "Waiting for the assistant: {n} ahead of you…", "pt": "Aguardando o assistente: {n} à sua frente…"},
    "thinking": {"en": "Looking in the articles…", "pt": "Procurando nos artigos…"},
    "writing": {"en": "(evidence found; writing the answer…)", "pt": "(evidência encontrada; escrevendo a resposta…)"},
    # Generated text is shown as it comes, before the checks that may replace it with a quote.
    "draft": {"en": "(a draft, being checked against the article…)", "pt": "(rascunho, sendo conferido com o artigo…)"},
    "busy": {"en": "The assistant is busy right now. Please ask again in a minute.",
             "pt": "O assistente está ocupado agora. Pergunte de novo daqui a um minuto."},
    "timeout": {"en": "The answer took too long. Please ask again.", "pt": "A resposta demorou demais. Pergunte de novo."},
    "store": {"en": "The article index is unavailable right now. Please try again shortly.",
              "pt": "O índice de artigos está indisponível agora. Tente de novo em instantes."},
    "failed": {"en": "Something went wrong answering this question. Please try again.",
               "pt": "Algo deu errado ao responder. Tente de novo."},
    "thanks": {"en": "Thank you for the feedback.", "pt": "Obrigado pela avaliação."},
    "feedback_failed": {"en": "The feedback could not be saved.", "pt": "Não foi possível salvar a avaliação."},
    "nothing_rated": {"en": "Rate an answer first (thumbs up or down).",
                      "pt": "Avalie uma resposta primeiro (polegar para cima ou para baixo)."},
}

# The first works for any article; the rest are about the two shipped ones.
EXAMPLES = [
    "De que trata a notícia?",
    "Who took part in the talks in Paris?",
    "O que os países europeus propuseram?",
    "Which Beatles song did NASA send into deep space?",
]

_MD_INLINE = re.compile(r"([\\`*_\[\]!|~$])")
_MD_LINE_START = re.compile(r"^(\s*\d*)([#+\-.)])", re.MULTILINE)
CSS = "mark { background: #fde68a; color: inherit; padding: 0 .1em; }"
# The widget lives in a small iframe: no page margins, the input always in view.
WIDGET_CSS = CSS + (" .gradio-container { padding: 6px !important; margin: 0 !important; max-width: none !important; }"
                    " footer { display: none !important; }")
THEME = gr.themes.Default(font=["system-ui", "sans-serif"], font_mono=["ui-monospace", "monospace"])


def say(key: str, language: str, **values: Any) -> str:
    return MESSAGES[key].get(language, MESSAGES[key]["en"]).format(**values)


def safe(text: str) -> str:
    """Text shown literally by a Markdown + HTML renderer."""
    text = _MD_INLINE.sub(r"\\\1", html.escape(text, quote=False))
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text).replace("\n", "  \n")


def _message(content: str, title: str | None = None) -> dict[str, Any]:
    msg: dict[str, Any] = {"role": "assistant", "content": content}
    if title:
        msg["metadata"] = {"title": title, "status": "done"}
    return msg


def render_context(segments: list[list[Segment]]) -> str:
    paragraphs = ["".join(f"<mark>{safe(s.text)}</mark>" if s.marked else safe(s.text) for s in para)
                  for para in segments]
    return "\n\n".join(paragraphs)


def render_sources(service: Service, citations: list) -> list[dict[str, Any]]:
    """One collapsed block per citation: title in the header, the passage in context inside."""
    out = []
    for c in citations:
        body = render_context(service.context(c.passage_id, c.highlights)) or safe(c.text)
        out.append(_message(f"{body}\n\n*{safe(c.source)}*", title=safe(f"[{c.n}] {c.title}")))
    return out


def render_answer(service: Service, answer: Answer, history_notice: str = "") -> list[dict[str, Any]]:
    text = safe(answer.answer)
    own = answer.notice.removesuffix(history_notice).strip()  # the engine's notice; the service added the other
    if own and answer.mode == "extractive" and own.startswith("("):
        text += f"\n\n*{safe(own)}*"
    if history_notice:
        text += f"\n\n*{safe(history_notice)}*"
    return [_message(text)] + render_sources(service, answer.citations)


def build(service: Service, compact: bool = False) -> gr.Blocks:
    with gr.Blocks(title="Article assistant", fill_height=compact, analytics_enabled=False) as ui:
        if not compact:
            gr.Markdown(I18N("heading"), elem_id="title")
            gr.Markdown(I18N("intro"))
        convo = gr.State([])  # the raw conversation for the engine: [{"role","content"}]
        answers = gr.State([])  # per answer: (first message index, Answer json)
        # In the small widget the floating label would cover the first lines of a scrolled answer.
        chat = gr.Chatbot(label=I18N("chat"), show_label=not compact, scale=1,
                          height="calc(100vh - 170px)" if compact else 520,
                          elem_id="chat", buttons=["copy"], group_consecutive_messages=True,
                          sanitize_html=True, latex_delimiters=[])
        with gr.Row():
            box = gr.Textbox(placeholder=I18N("placeholder"), show_label=False, scale=5, elem_id="question",
                             max_lines=6, submit_btn=False, min_width=120)
            send = gr.Button(I18N("send"), variant="primary", scale=1, elem_id="send", min_width=70)
        with gr.Row():
            new = gr.Button(I18N("new"), size="sm", elem_id="new")
        gr.Examples(EXAMPLES[:2] if compact else EXAMPLES, inputs=box, label=I18N("examples"))
        if not compact:
            with gr.Row():
                comment = gr.Textbox(label=I18N("comment"), max_lines=3, scale=5, elem_id="comment")
                send_comment = gr.Button(I18N("send_comment"), size="sm", scale=1)
        rated = gr.State(None)

        def respond(question: str, shown: list, turns: list, kept: list, request: gr.Request):
            yield from _respond(service, question, shown, turns, kept, request)

        # always_last: Ask pressed while an answer is still being written runs once that answer is
        # done, on the conversation as it then stands (Gradio's default drops the press).
        events = dict(fn=respond, inputs=[box, chat, convo, answers], outputs=[chat, convo, answers, box],
                      api_visibility="private", concurrency_limit=None, trigger_mode="always_last")
        box.submit(**events)
        send.click(**events)
        new.click(lambda: ([], [], [], "", None), None, [chat, convo, answers, box, rated],
                  api_visibility="private")

        def like(kept: list, data: gr.LikeData, request: gr.Request):
            return _record(service, kept, data.index, "up" if data.liked else "down", "", request)

        chat.like(like, [answers], [rated], api_visibility="private")
        if not compact:
            def add_comment(note: str, last: dict | None, request: gr.Request):
                if not last:
                    gr.Info(say("nothing_rated", lang.detect(note)))
                    return note
                _save(service, {**last, "comment": note}, request)
                return ""

            send_comment.click(add_comment, [comment, rated], [comment], api_visibility="private")

        def chat_api(question: str, history: list[dict[str, Any]] | None = None) -> dict[str, Any]:
            """Answer one question about the articles; returns the same JSON as `assistant ask --json`."""
            try:
                return service.ask(question, history or []).to_json()
            except (QuestionError, Busy, TimeoutError, StoreError) as exc:
                raise gr.Error(str(exc)) from None

        gr.api(chat_api, api_name="chat", concurrency_limit=None)
    return ui


def _respond(service: Service, question: str, shown: list, turns: list, kept: list, request: gr.Request):
    question = question or ""
    language = lang.detect(question, default=last_user_language(turns))
    shown = list(shown or []) + [{"role": "user", "content": safe(question)},
                                 _message(say("thinking", language))]
    base = len(shown) - 1
    yield shown, turns, kept, ""
    answer = None
    try:
        for event in service.stream(question, turns):
            if event["type"] == "queued":
                shown[base:] = [_message(say("queued", language, n=event["position"]))]
            elif event["type"] == "evidence":
                text, citations = event["extractive"]
                shown[base:] = [_message(f"{safe(text)}\n\n*{say('writing', language)}*"),
                                *render_sources(service, citations)]
            elif event["type"] == "token":
                shown[base] = _message(f"{safe(event['text'])} ▍\n\n*{say('draft', language)}*")
            elif event["type"] == "final":
                answer = event["answer"]
                shown[base:] = render_answer(service, answer, event.get("history_notice", ""))
            # The box was emptied when the question was taken; the reader may be typing the next one.
            yield shown, turns, kept, gr.skip()
    except QuestionError as exc:
        shown[base:] = [_message(safe(str(exc)))]
    except Busy:
        shown[base:] = [_message(say("busy", language))]
    except TimeoutError:
        shown[base:] = [_message(say("timeout", language))]
    except StoreError as exc:
        log.warning("store error: %s", exc)
        shown[base:] = [_message(say("store", language))]
    except Exception:  # noqa: BLE001 - the reader gets a sentence; the log gets the traceback
        log.exception("answer failed")
        shown[base:] = [_message(say("failed", language))]
    if answer is not None:
        turns = list(turns) + [{"role": "user", "content": question}, {"role": "assistant", "content": answer.answer}]
        kept = list(kept) + [[base, answer.to_json(), service.index_version()]]
    yield shown, turns, kept, gr.skip()


def _record(service: Service, kept: list, index: Any, rating: str, comment: str, request: gr.Request):
    at = index[0] if isinstance(index, (list, tuple)) else index
    owner = [k for k in kept if k[0] <= at]
    if not owner:
        return None
    _, data, version = owner[-1]
    record = {"rating": rating, "question": data["question"], "answer": data["answer"],
              "language": data["language"], "citations": data["citations"], "backend": data["backend"],
              "index_version": version}
    _save(service, {**record, "comment": comment}, request)
    return record


def _save(service: Service, record: dict[str, Any], request: gr.Request) -> None:
    try:
        service.feedback.add(**record, user=request_user(service.settings, request.headers) if request else "",
                             client_id=getattr(request.client, "host", "") if request else "")
        gr.Info(say("thanks", record.get("language", "en")))
    except Exception:  # noqa: BLE001 - tell the reader; keep the details in the log
        log.exception("feedback not saved")
        gr.Warning(say("feedback_failed", record.get("language", "en")))

