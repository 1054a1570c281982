using Microsoft.CodeAnalysis.CSharp.Scripting;

class Calc
{
    async System.Threading.Tasks.Task<object> Run(string formula)
    {
        // ruleid: csharp-script-eval
        var result = await CSharpScript.EvaluateAsync(formula);
        // ruleid: csharp-script-eval
        var typed = await CSharpScript.EvaluateAsync<int>(formula);
        // ok: csharp-script-eval
        var fixedValue = await CSharpScript.EvaluateAsync<int>("1 + 2");
        // ok: csharp-script-eval
        var parsed = int.Parse(formula) * 2;
        return result;
    }
}
