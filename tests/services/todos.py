"""The todo API of examples/todo-api/issues, written in Python with its standard library only, with
four deliberate faults for `verify` to find (each marked FAULT below):

1. POST /api/todos accepts a field the contract does not name;
2. PATCH /api/todos/:id answers 500 to a body that is not JSON, where the contract says 400;
3. GET /api/todos/:id leaves the required `createdAt` out of its answer;
4. GET /api/todos ignores the upper bound of `limit` (100).

Everything else keeps the contract, so exactly the cases those faults break fail.
Listens on 127.0.0.1, on the port given as the first argument (0: any free one), and prints
`listening on http://127.0.0.1:PORT` once it does. The admin token is `dev-token`.
"""

import json
import re
import sys
import threading
import uuid
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

ADMIN_TOKEN = "dev-token"
TODOS = {}
LOCK = threading.Lock()
ITEM = re.compile(r"^/api/todos/([^/]+)$")
NOT_BLANK = re.compile(r"[^ \t\n\r\f]")


class Invalid(Exception):
    """A request the contract refuses: the place and what was expected there."""

    def __init__(self, detail):
        super().__init__(detail)
        self.detail = detail


def check_title(body, required):
    if "title" not in body:
        if required:
            raise Invalid("title: expected a value")
        return
    title = body["title"]
    if not isinstance(title, str):
        raise Invalid("title: expected a string")
    if not 1 <= len(title) <= 200:
        raise Invalid("title: expected 1 to 200 characters")
    if not NOT_BLANK.search(title):
        raise Invalid("title: expected text matching /[^ \\t\\n\\r\\f]/")


def check_tags(body):
    if "tags" not in body:
        return
    tags = body["tags"]
    if not isinstance(tags, list):
        raise Invalid("tags: expected an array")
    if len(tags) > 10:
        raise Invalid("tags: expected at most 10 items")
    for index, tag in enumerate(tags):
        if not isinstance(tag, str):
            raise Invalid(f"tags[{index}]: expected a string")
        if not 1 <= len(tag) <= 30:
            raise Invalid(f"tags[{index}]: expected 1 to 30 characters")


def check_fields(body, allowed):
    unknown = sorted(set(body) - allowed)
    if unknown:
        raise Invalid(f"{unknown[0]}: not a field of the contract")


def check_integer(query, name, low, high):
    if name not in query:
        return
    text = query[name][0]
    if not re.fullmatch(r"-?[0-9]+", text):
        raise Invalid(f"query parameter {name}: expected an integer")
    value = int(text)
    if value < low or (high is not None and value > high):
        raise Invalid(f"query parameter {name}: expected {low} to {high}")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def answer(self, status, body=None):
        data = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        if body is not None:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def error(self, status, message, detail=None):
        error = {"status": status, "message": message}
        if detail:
            error["detail"] = detail
        self.answer(status, {"success": False, "error": error})

    def read_body(self):
        """The request's body, read whole so the next request on the connection starts clean."""
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def json_body(self, message):
        """The request's JSON object, or None once a 400 with `message` is answered."""
        raw = self.read_body()
        if not (self.headers.get("Content-Type") or "").startswith("application/json"):
            self.error(400, message, "expected Content-Type: application/json")
            return None
        try:
            body = json.loads(raw)
        except ValueError:
            self.error(400, message, "the body is not JSON")
            return None
        if not isinstance(body, dict):
            self.error(400, message, "expected a JSON object")
            return None
        return body

    def route(self):
        path = urlsplit(self.path).path
        if path == "/api/todos":
            return "collection", None
        match = ITEM.match(path)
        if match:
            return "item", match.group(1)
        return None, None

    def not_served(self):
        kind, _ = self.route()
        if kind is None:
            self.error(404, "Not found")
        else:
            self.error(405, "Method not allowed")

    def do_PUT(self):
        self.read_body()
        self.not_served()

    def do_POST(self):
        kind, _ = self.route()
        if kind != "collection":
            self.read_body()
            return self.not_served()
        body = self.json_body("Invalid todo")
        if body is None:
            return
        try:
            check_title(body, required=True)
            check_tags(body)
            # FAULT 1: no check_fields(body, {"title", "tags"}): unknown fields pass.
        except Invalid as invalid:
            return self.error(400, "Invalid todo", invalid.detail)
        todo = {
            "id": str(uuid.uuid4()),
            "title": body["title"].strip(),
            "done": False,
            "tags": body.get("tags", []),
            "createdAt": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        }
        with LOCK:
            TODOS[todo["id"]] = todo
        self.answer(201, {"success": True, "data": todo})

    def do_GET(self):
        self.read_body()
        kind, id = self.route()
        if kind == "item":
            with LOCK:
                todo = TODOS.get(id)
            if todo is None:
                return self.error(404, "Todo not found")
            # FAULT 3: the answer leaves out `createdAt`.
            data = {key: value for key, value in todo.items() if key != "createdAt"}
            return self.answer(200, {"success": True, "data": data})
        if kind != "collection":
            return self.error(404, "Not found")
        query = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
        try:
            if "done" in query and query["done"][0] not in ("true", "false"):
                raise Invalid("query parameter done: expected true or false")
            if "tag" in query and not 1 <= len(query["tag"][0]) <= 30:
                raise Invalid("query parameter tag: expected 1 to 30 characters")
            check_integer(query, "page", 1, None)
            # FAULT 4: `limit` is checked against its lower bound only.
            check_integer(query, "limit", 1, None)
        except Invalid as invalid:
            return self.error(400, "Invalid query", invalid.detail)
        page = int(query.get("page", ["1"])[0])
        limit = min(int(query.get("limit", ["20"])[0]), 100)
        with LOCK:
            todos = [
                todo
                for todo in TODOS.values()
                if ("done" not in query or todo["done"] == (query["done"][0] == "true"))
                and ("tag" not in query or query["tag"][0] in todo["tags"])
            ]
        items = todos[(page - 1) * limit : page * limit]
        data = {"items": items, "page": page, "limit": limit, "total": len(todos)}
        self.answer(200, {"success": True, "data": data})

    def do_PATCH(self):
        kind, id = self.route()
        raw = self.read_body()
        if kind != "item":
            return self.not_served()
        if not (self.headers.get("Content-Type") or "").startswith("application/json"):
            return self.error(400, "Invalid update", "expected Content-Type: application/json")
        try:
            body = json.loads(raw)
        except ValueError:
            # FAULT 2: a body that is not JSON is a server error here, not the contract's 400.
            return self.error(500, "Internal server error")
        if not isinstance(body, dict):
            return self.error(400, "Invalid update", "expected a JSON object")
        try:
            check_title(body, required=False)
            if "done" in body and not isinstance(body["done"], bool):
                raise Invalid("done: expected a boolean")
            check_tags(body)
            check_fields(body, {"title", "done", "tags"})
        except Invalid as invalid:
            return self.error(400, "Invalid update", invalid.detail)
        with LOCK:
            todo = TODOS.get(id)
            if todo is None:
                return self.error(404, "Todo not found")
            todo.update({key: body[key] for key in ("title", "done", "tags") if key in body})
            todo = dict(todo)
        self.answer(200, {"success": True, "data": todo})

    def do_DELETE(self):
        self.read_body()
        kind, id = self.route()
        if kind != "item":
            return self.not_served()
        authorization = self.headers.get("Authorization") or ""
        if not authorization.startswith("Bearer ") or not authorization[7:]:
            return self.error(401, "Missing or malformed token")
        if authorization[7:] != ADMIN_TOKEN:
            return self.error(403, "This token may not delete todos")
        with LOCK:
            if TODOS.pop(id, None) is None:
                return self.error(404, "Todo not found")
        self.answer(204)


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A client that closes a kept-alive connection is not an error worth a traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    server = Server(("127.0.0.1", port), Handler)
    print(f"listening on http://127.0.0.1:{server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
