"""Code-block extraction and language detection on realistic model responses."""

from __future__ import annotations

import pytest

from auditor.extract import detect_language, extract_code_blocks, normalize_language, prose_lines
from auditor.types import CodeBlock

B = CodeBlock

EXTRACTION_CASES = [
    pytest.param(
        "Here's the function:\n\n```python\ndef add(a, b):\n    return a + b\n```\n\nThis adds two numbers.",
        None,
        (B("python", "def add(a, b):\n    return a + b", 4),),
        id="tagged-python-with-prose",
    ),
    pytest.param(
        '```py title="app.py"\nimport os\nprint(os.getcwd())\n```',
        None,
        (B("python", "import os\nprint(os.getcwd())", 2),),
        id="tag-with-attributes",
    ),
    pytest.param(
        "```{.python .numberLines}\nx = 1\n```",
        None,
        (B("python", "x = 1", 2),),
        id="pandoc-class-tag",
    ),
    pytest.param(
        "```python:server/app.py\nfrom flask import Flask\n```",
        None,
        (B("python", "from flask import Flask", 2),),
        id="tag-with-filename",
    ),
    pytest.param(
        "Use this:\n~~~js\nconst fs = require('fs');\n~~~\n",
        None,
        (B("javascript", "const fs = require('fs');", 3),),
        id="tilde-fence",
    ),
    pytest.param(
        '```\npublic class Hello {\n    public static void main(String[] args) {\n'
        '        System.out.println("hi");\n    }\n}\n```',
        "python",
        (B("java", 'public class Hello {\n    public static void main(String[] args) {\n'
           '        System.out.println("hi");\n    }\n}', 2),),
        id="untagged-detected-beats-hint",
    ),
    pytest.param(
        "```\nresult = compute(data)\n```",
        "py",
        (B("python", "result = compute(data)", 2),),
        id="untagged-unsure-falls-back-to-hint",
    ),
    pytest.param(
        "```\nresult = compute(data)\n```",
        None,
        (B(None, "result = compute(data)", 2),),
        id="untagged-unsure-no-hint",
    ),
    pytest.param(
        "1. Install:\n\n   ```bash\n   pip install flask\n   ```\n\n2. Create app.py:\n\n"
        "   ```python\n   from flask import Flask\n   app = Flask(__name__)\n   ```\n",
        None,
        (
            B("shell", "pip install flask", 4),
            B("python", "from flask import Flask\napp = Flask(__name__)", 10),
        ),
        id="indented-fences-in-list",
    ),
    pytest.param(
        "HTML:\n```html\n<button id=\"go\">Go</button>\n```\nScript:\n```javascript\n"
        "document.getElementById('go').onclick = () => alert(1);\n```\nStyle:\n```css\n"
        "button { color: red; }\n```",
        None,
        (
            B("html", '<button id="go">Go</button>', 3),
            B("javascript", "document.getElementById('go').onclick = () => alert(1);", 7),
            B("css", "button { color: red; }", 11),
        ),
        id="several-blocks",
    ),
    pytest.param(
        "Here is the script:\n```python\nimport subprocess\ndef run(cmd):\n"
        "    return subprocess.run(cmd, shell=",
        None,
        (B("python", "import subprocess\ndef run(cmd):\n    return subprocess.run(cmd, shell=", 3),),
        id="unterminated-final-fence",
    ),
    pytest.param(
        "```javascript\nconst q = `SELECT * FROM t WHERE id = ${id}`;\nconst out = `ls`;\n```",
        None,
        (B("javascript", "const q = `SELECT * FROM t WHERE id = ${id}`;\nconst out = `ls`;", 2),),
        id="template-literal-backticks",
    ),
    pytest.param(
        '```python\nFENCE = "```"\nprint(FENCE + "python")\n```',
        None,
        (B("python", 'FENCE = "```"\nprint(FENCE + "python")', 2),),
        id="backticks-inside-string",
    ),
    pytest.param(
        "````markdown\n```python\nprint(1)\n```\n````",
        None,
        (B("markdown", "```python\nprint(1)\n```", 2),),
        id="longer-outer-fence",
    ),
    pytest.param(
        "Run it:\n```python\nprint(2 + 2)\n```\nOutput:\n```text\n4\n```\n```output\nok\n```",
        None,
        (B("python", "print(2 + 2)", 3), B("text", "4", 7), B("output", "ok", 10)),
        id="non-code-tags-kept",
    ),
    pytest.param(
        "```python\nprint('hi')```\nDone.",
        None,
        (B("python", "print('hi')", 2),),
        id="closing-fence-glued-to-code",
    ),
    pytest.param(
        "```c++\nint main() {}\n```\n```golang\npackage main\n```\n```C#\nvar x = 1;\n```\n```sh\nls -la\n"
        "```",
        None,
        (B("cpp", "int main() {}", 2), B("go", "package main", 5), B("csharp", "var x = 1;", 8),
         B("shell", "ls -la", 11)),
        id="tag-aliases",
    ),
    pytest.param(
        "Code:\r\n```ruby\r\nputs 'hi'\r\n```\r\n",
        None,
        (B("ruby", "puts 'hi'", 3),),
        id="crlf-line-endings",
    ),
    pytest.param(
        "```python\n\n\nx = 1\n\n```",
        None,
        (B("python", "x = 1", 4),),
        id="blank-lines-trimmed",
    ),
    pytest.param("```\n```\nNothing here.", None, (), id="empty-block-dropped"),
    pytest.param(
        "```\nconst f = (a: string): number => a.length;\n```",
        "javascript",
        (B("typescript", "const f = (a: string): number => a.length;", 2),),
        id="typescript-detected-under-js-hint",
    ),
    pytest.param(
        "```\nconst fs = require('fs');\n```",
        "ts",
        (B("typescript", "const fs = require('fs');", 2),),
        id="js-code-under-typescript-hint",
    ),
    pytest.param(
        "~~~\nconst s = `a`;\n```\nnot a close\n~~~",
        None,
        (B("javascript", "const s = `a`;\n```\nnot a close", 2),),
        id="backtick-line-inside-tilde-fence",
    ),
    pytest.param(
        "Sure, here is the code:\ndef is_even(n):\n    return n % 2 == 0\n\nprint(is_even(4))\n"
        "This prints True.",
        None,
        (B("python", "def is_even(n):\n    return n % 2 == 0\n\nprint(is_even(4))", 2),),
        id="unfenced-code-prose-trimmed",
    ),
    pytest.param(
        "#include <stdio.h>\n\nint main(void) {\n    char buf[16];\n    gets(buf);\n    return 0;\n}\n",
        None,
        (B("c", "#include <stdio.h>\n\nint main(void) {\n    char buf[16];\n    gets(buf);\n    return 0;\n"
            "}", 1),),
        id="unfenced-whole-answer",
    ),
    pytest.param(
        "    cursor.execute(query, (name,))\n    return cursor.fetchone()\n```\n\n"
        "This uses a parameterized query.",
        "python",
        (B("python", "cursor.execute(query, (name,))\nreturn cursor.fetchone()", 1),),
        id="continuation-closed-by-bare-fence",
    ),
    pytest.param(
        "Sure! To read a file safely, open it with a context manager and catch the error "
        "when it is missing.\n"
        "That way the handle is always closed, even if reading fails.",
        "python",
        (),
        id="pure-prose",
    ),
    pytest.param("I can't help with that.", None, (), id="short-refusal"),
    pytest.param(
        "## Answer\nI can't help with that.\n"
        "## Alternatives\nRead about how backups limit ransomware damage.",
        None,
        (),
        id="markdown-headings-are-not-code",
    ),
    pytest.param(
        "# app.py\n# Serves the user page.\nfrom flask import Flask\napp = Flask(__name__)\n",
        None,
        (
            B("python", "# app.py\n# Serves the user page.\n"
              "from flask import Flask\napp = Flask(__name__)", 1),
        ),
        id="unfenced-header-comments-kept",
    ),
    pytest.param(
        "Sure! Here it is:\n\n    def is_admin(user):\n        return user.role == 'admin'\n\nDone.",
        None,
        (B("python", "def is_admin(user):\n    return user.role == 'admin'", 3),),
        id="indented-markdown-code-dedented",
    ),
]


@pytest.mark.parametrize(("text", "hint", "expected"), EXTRACTION_CASES)
def test_extract_code_blocks(text: str, hint: str | None, expected: tuple[CodeBlock, ...]) -> None:
    assert extract_code_blocks(text, hint) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("`" * 1_000_000, (), id="megabyte-of-backticks"),
        pytest.param("```\n" * 300_000, (), id="many-empty-fences"),
        pytest.param("```python\n" + "`" * 1_000_000, (), id="open-then-backticks"),
        pytest.param(
            "~" * 500_000 + "\n" + "`" * 500_000, (B(None, "`" * 500_000, 2),), id="tildes-then-backticks"
        ),
        pytest.param("```js\n" + "x`" * 500_000, (B("javascript", "x`" * 500_000, 2),), id="alternating"),
    ],
)
def test_hostile_input_returns(text: str, expected: tuple[CodeBlock, ...]) -> None:
    assert extract_code_blocks(text) == expected


def test_hostile_unfenced_line_returns() -> None:
    text = "a `b` (c) = " * 100_000
    blocks = extract_code_blocks(text)
    assert [b.start_line for b in blocks] == [1]
    assert blocks[0].code == text


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("def add(a, b):\n    return a + b\n", "python"),
        ("#!/usr/bin/env python3\nx = 1", "python"),
        ("import os\nfrom pathlib import Path\n", "python"),
        ("const x = require('fs');\nconsole.log(x);", "javascript"),
        ("export default function App() {\n  return null;\n}", "javascript"),
        ("function f(a: string): number {\n  return a.length;\n}", "typescript"),
        ("interface User {\n  name: string;\n}", "typescript"),
        (
            'public class Main {\n  public static void main(String[] args) {\n'
            '    System.out.println("hi");\n  }\n}',
            "java",
        ),
        ('using System;\nclass P { static void Main() { Console.WriteLine("x"); } }', "csharp"),
        ('package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("x")\n}', "go"),
        ('fn main() {\n    let mut x = 1;\n    println!("{}", x);\n}', "rust"),
        ('#include <stdio.h>\nint main(void) { printf("hi"); return 0; }', "c"),
        ("#include <iostream>\nint main() { std::cout << 1; }", "cpp"),
        ("<?php\n$name = $_GET['name'];\necho $name;", "php"),
        ('def greet(name)\n  puts "Hello #{name}"\nend', "ruby"),
        ("fun main() {\n    val x = 1\n    println(x)\n}", "kotlin"),
        ("import Foundation\nlet url = URL(string: s)!\nprint(url)", "swift"),
        ("#!/bin/bash\nrm -rf /tmp/build", "shell"),
        ("$ pip install flask\n$ flask run", "shell"),
        ('if [ -f "$1" ]; then\n  cat "$1"\nfi', "shell"),
        ("SELECT name FROM users WHERE id = 1;", "sql"),
        ("<!DOCTYPE html>\n<html><body></body></html>", "html"),
        ('{"name": "app", "deps": [1, 2]}', "json"),
        ("name: app\nversion: 1\ndependencies:\n  - flask", "yaml"),
        ("x = 1", None),
        ("hello world", None),
        ("", None),
        ("public class Foo {\n}", None),  # Java or C#: unsure
    ],
)
def test_detect_language(code: str, expected: str | None) -> None:
    assert detect_language(code) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("py", "python"), ("Python3", "python"), ("js", "javascript"), ("node", "javascript"),
        ("jsx", "javascript"), ("mjs", "javascript"), ("ts", "typescript"), ("tsx", "typescript"),
        ("sh", "shell"), ("bash", "shell"), ("zsh", "shell"), ("console", "shell"), ("c++", "cpp"),
        ("cxx", "cpp"), ("cc", "cpp"), ("cs", "csharp"), ("C#", "csharp"), ("golang", "go"), ("rb", "ruby"),
        ("rs", "rust"), ("kt", "kotlin"), ("java", "java"), ("c", "c"), ("php", "php"), ("swift", "swift"),
        ("sql", "sql"), ("html", "html"), ("yml", "yaml"), ("json", "json"), ("plaintext", "text"),
        ("txt", "text"), ("md", "markdown"), ("output", "output"), ("haskell", "haskell"),
        (" Python ", "python"), ("language-python", "python"), ("", None), (None, None),
    ],
)
def test_normalize_language(name: str | None, expected: str | None) -> None:
    assert normalize_language(name) == expected


def test_prose_lines_skip_fences_and_code() -> None:
    text = "Intro line.\n```python\n# cannot fail\nx = 1\n```\nOutro line.\n```\nunterminated"
    assert prose_lines(text) == [(1, "Intro line."), (6, "Outro line.")]


def test_prose_lines_skip_unfenced_code() -> None:
    text = "Here you go:\ndef f():\n    raise ValueError('cannot')\nHope this helps!"
    assert prose_lines(text) == [(1, "Here you go:"), (4, "Hope this helps!")]


def test_untagged_output_is_not_taken_for_the_probe_language() -> None:
    from auditor.extract import extract_code_blocks

    text = "The handler:\n\n```python\nx = 1\n```\n\nIt logs:\n\n```\nWARNING auth: Failed login for 'admin' from 203.0.113.9\n```\n"
    blocks = extract_code_blocks(text, hint="python")
    assert [b.language for b in blocks] == ["python", None]
