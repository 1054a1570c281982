function calculate(expression, body) {
  // ruleid: js-eval
  const result = eval(expression);
  // ruleid: js-eval
  const fn = new Function("a", "b", body);
  // ruleid: js-eval
  return eval("(" + expression + ")") + eval(`${expression} * 2`) + result + fn(1, 2);
}

function safer(input, model) {
  // ok: js-eval
  const data = JSON.parse(input);
  // ok: js-eval
  model.eval();
  // ok: js-eval
  const value = evaluate(input);
  // ok: js-eval
  const four = eval("2 + 2");
  return [data, value, four];
}
