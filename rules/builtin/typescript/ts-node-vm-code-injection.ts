import vm from 'vm';

export function run(req: any, code: string) {
  // ruleid: ts-node-vm-code-injection
  const a = vm.runInNewContext(code, { Math });
  // ruleid: ts-node-vm-code-injection
  const s = new vm.Script(req.body.script);
  // ruleid: ts-node-vm-code-injection
  const f = new Function('x', req.query.expr);
  // ok: ts-node-vm-code-injection
  const b = vm.runInNewContext('1 + 1', {});
  // ok: ts-node-vm-code-injection
  const ops: Record<string, (x: number) => number> = { double: (x) => x * 2 };
  // ok: ts-node-vm-code-injection
  const g = ops[String(req.query.op)]?.(Number(req.query.x));
  return [a, s, f, b, g];
}
