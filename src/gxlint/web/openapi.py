"""The API described (OpenAPI 3.1), served at /openapi.json."""

from __future__ import annotations

from typing import Any

_ERROR = {
    "description": "出错：原因在 error.problem",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}
_FINDING = {
    "type": "object",
    "description": "与 gxlint --format json 的一项相同",
    "properties": {
        k: {"type": t}
        for k, t in {
            "path": "string",
            "code": "string",
            "name": "string",
            "severity": "string",
            "line": "integer",
            "column": "integer",
            "end_line": "integer",
            "end_column": "integer",
            "message": "string",
            "hint": "string",
        }.items()
    },
}
OPENAPI: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "gxlint", "version": "1", "description": "政府信息公开工作年度报告合规检查"},
    "paths": {
        "/api/v1/check": {
            "post": {
                "summary": "检查报告：上传文件（multipart，字段 files，可多个或 .zip），"
                "或正文（text/plain，或 JSON {text, name}）",
                "security": [{"token": []}],
                "requestBody": {
                    "content": {
                        "multipart/form-data": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "files": {
                                        "type": "array",
                                        "items": {"type": "string", "format": "binary"},
                                    }
                                },
                            }
                        },
                        "text/plain": {"schema": {"type": "string"}},
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["text"],
                                "properties": {
                                    "text": {"type": "string"},
                                    "name": {"type": "string"},
                                },
                            }
                        },
                    }
                },
                "responses": {
                    "200": {
                        "description": "每份报告的机关、年度、格式，与全部问题",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Checked"}}
                        },
                    },
                    "400": _ERROR,
                    "401": _ERROR,
                    "413": _ERROR,
                },
            }
        },
        "/api/v1/rules": {
            "get": {"summary": "规则一览", "responses": {"200": {"description": "当前格式的规则"}}}
        },
        "/healthz": {
            "get": {
                "summary": "服务是否在运行",
                "responses": {"200": {"description": '{"status": "ok"}'}},
            }
        },
    },
    "components": {
        "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
        "schemas": {
            "Finding": _FINDING,
            "Report": {
                "type": "object",
                "properties": {
                    k: {"type": "string"}
                    for k in ("path", "agency", "kind", "year", "format", "problem")
                },
            },
            "Checked": {
                "type": "object",
                "properties": {
                    "reports": {"type": "array", "items": {"$ref": "#/components/schemas/Report"}},
                    "findings": {
                        "type": "array",
                        "items": {"$ref": "#/components/schemas/Finding"},
                    },
                },
            },
            "Error": {
                "type": "object",
                "properties": {
                    "error": {
                        "type": "object",
                        "properties": {
                            "status": {"type": "integer"},
                            "problem": {"type": "string"},
                        },
                    }
                },
            },
        },
    },
}
