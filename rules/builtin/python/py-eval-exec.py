import ast


def calculate(expression, handler_source):
    # ruleid: py-eval-exec
    result = eval(expression)
    # ruleid: py-eval-exec
    exec(handler_source, {"__builtins__": {}})
    # ruleid: py-eval-exec
    value = eval(f"{expression} * 2")
    # ruleid: py-eval-exec
    exec("print(" + expression + ")")
    # ok: py-eval-exec
    constant = eval("2 ** 10")
    # ok: py-eval-exec
    parsed = ast.literal_eval(expression)
    # ok: py-eval-exec
    model.eval()
    # ok: py-eval-exec
    evaluated = evaluate(expression)
    # ok: py-eval-exec
    exec("import math")
    return result, value, constant, parsed, evaluated
