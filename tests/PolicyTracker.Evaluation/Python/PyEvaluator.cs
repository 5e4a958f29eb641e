namespace PolicyTracker.Evaluation.Python;

/// <summary>Evaluates parsed expressions against named values, and explains why one came out false.</summary>
sealed class PyEvaluator(IReadOnlyDictionary<string, object?> names)
{
    /// <summary>The value of the expression; Python errors surface as <see cref="PyError"/>.</summary>
    public object? Evaluate(PyNode node) => node switch
    {
        PyConst c => c.Value,
        PyName n => names.TryGetValue(n.Name, out var v) ? v : throw new PyError("NameError", $"name '{n.Name}' is not defined"),
        PyIndex i => Subscript(Evaluate(i.Target), Evaluate(i.Key)),
        PyAttribute a => Lookup(Evaluate(a.Target), a.Name, "AttributeError"),
        PyCall c => Call(c),
        PyNot n => !PyOps.Truthy(Evaluate(n.Operand)),
        PyNegate n => Evaluate(n.Operand) is long l ? -l : -PyOps.Number(Evaluate(n.Operand)),
        PyBoolOp b => BoolOp(b),
        PyCompare c => Compare(c),
        PyTupleDisplay t => new PyTuple(t.Items.Select(Evaluate).ToList()),
        PyListDisplay l => l.Items.Select(Evaluate).ToList(),
        PyDictDisplay d => d.Items.Aggregate(new PyDict(), (dict, item) => dict.Set(Evaluate(item.Key) as string ?? throw new PyError("TypeError", "dict keys must be strings here"), Evaluate(item.Value) ?? PyNone.Value)),
        _ => throw new PyError("SyntaxError", "unsupported expression"),
    };

    /// <summary>The first sub-check that failed, with the values we produced.</summary>
    public string Explain(PyNode node)
    {
        try
        {
            switch (node)
            {
                case PyBoolOp { Operator: "and" } b:
                    var failing = b.Operands.FirstOrDefault(o => !SafeTruthy(o));
                    return failing is null ? "holds" : Explain(failing);
                case PyNot { Operand: PyName { Name: "bozo" } }:
                    return "bozo is True: " + (names.TryGetValue("bozo_exception", out var why) ? why : "recovery was needed");
                case PyNot n:
                    return $"{Describe(n.Operand)} is {PyOps.Repr(Evaluate(n.Operand))}, expected falsy";
                case PyCompare c:
                    var parts = new List<string> { $"{Describe(c.First)} = {PyOps.Repr(Evaluate(c.First))}" };
                    parts.AddRange(c.Rest.Where(r => r.Right is not PyConst).Select(r => $"{Describe(r.Right)} = {PyOps.Repr(Evaluate(r.Right))}"));
                    return string.Join("; ", parts);
                default:
                    return $"{Describe(node)} is {PyOps.Repr(Evaluate(node))}";
            }
        }
        catch (PyError e)
        {
            return e.Message;
        }
    }

    bool SafeTruthy(PyNode node)
    {
        try { return PyOps.Truthy(Evaluate(node)); }
        catch (PyError) { return false; }
    }

    static string Describe(PyNode node) => node switch
    {
        PyName n => n.Name,
        PyIndex i => $"{Describe(i.Target)}[{(i.Key is PyConst c ? PyOps.Repr(c.Value) : "…")}]",
        PyAttribute a => $"{Describe(a.Target)}.{a.Name}",
        PyCall c => $"{Describe(c.Callee)}(…)",
        _ => "expression",
    };

    object? BoolOp(PyBoolOp node)
    {
        object? value = null;
        foreach (var operand in node.Operands)
        {
            value = Evaluate(operand);
            if (PyOps.Truthy(value) == (node.Operator == "or")) return value;
        }
        return value;
    }

    bool Compare(PyCompare node)
    {
        var left = Evaluate(node.First);
        foreach (var (op, rightNode) in node.Rest)
        {
            var right = Evaluate(rightNode);
            var holds = op switch
            {
                "==" => PyOps.Equal(left, right),
                "!=" => !PyOps.Equal(left, right),
                "is" => ReferenceEquals(left, right) || (left is null or bool && PyOps.Equal(left, right)),
                "is not" => !(ReferenceEquals(left, right) || (left is null or bool && PyOps.Equal(left, right))),
                "in" => Contains(right, left),
                "not in" => !Contains(right, left),
                "<" => PyOps.Number(left) < PyOps.Number(right),
                ">" => PyOps.Number(left) > PyOps.Number(right),
                "<=" => PyOps.Number(left) <= PyOps.Number(right),
                _ => PyOps.Number(left) >= PyOps.Number(right),
            };
            if (!holds) return false;
            left = right;
        }
        return true;
    }

    static bool Contains(object? container, object? item) => container switch
    {
        string s when item is string sub => s.Contains(sub, StringComparison.Ordinal),
        List<object?> l => l.Any(x => PyOps.Equal(x, item)),
        PyTuple t => t.Items.Any(x => PyOps.Equal(x, item)),
        PyDict d => item is string key && d.TryGet(key, out _),
        _ => throw new PyError("TypeError", $"argument of type {PyOps.Repr(container)} is not iterable"),
    };

    object? Call(PyCall call)
    {
        var args = call.Arguments.Select(Evaluate).ToList();
        if (call.Callee is PyName { Name: "len" }) return (long)(args.Single() switch
        {
            string s => s.Length,
            List<object?> l => l.Count,
            PyTuple t => t.Items.Count,
            PyDict d => d.Keys.Count,
            var other => throw new PyError("TypeError", $"object of type {PyOps.Repr(other)} has no len()"),
        });
        if (call.Callee is PyAttribute { Target: var target, Name: var method } && Evaluate(target) is PyDict dict)
        {
            return method switch
            {
                "get" => dict.TryGet((string)args[0]!, out var v) ? v : args.ElementAtOrDefault(1),
                "has_key" => dict.TryGet((string)args[0]!, out _),
                "keys" => dict.Keys.Cast<object?>().ToList(),
                _ => throw new PyError("AttributeError", $"dict has no method '{method}'"),
            };
        }
        throw new PyError("TypeError", "unsupported call");
    }

    static object? Subscript(object? target, object? key) => target switch
    {
        PyDict d when key is string k => Lookup(d, k, "KeyError"),
        List<object?> l when key is long i => i < l.Count && i >= -l.Count ? l[(int)(i < 0 ? l.Count + i : i)] : throw new PyError("IndexError", $"list index {i} out of range (length {l.Count})"),
        PyTuple t when key is long i => i < t.Items.Count && i >= 0 ? t.Items[(int)i] : throw new PyError("IndexError", "tuple index out of range"),
        string s when key is long i => i < s.Length && i >= 0 ? s[(int)i].ToString() : throw new PyError("IndexError", "string index out of range"),
        _ => throw new PyError("TypeError", $"{PyOps.Repr(target)} is not subscriptable with {PyOps.Repr(key)}"),
    };

    static object? Lookup(object? target, string key, string errorKind)
    {
        if (target is PyDict d)
        {
            if (d.TryGet(key, out var value)) return value is PyNone ? null : value;
            throw new PyError(errorKind, $"'{key}' (we produced keys: {string.Join(", ", d.Keys)})");
        }
        throw new PyError(errorKind, $"{PyOps.Repr(target)} has no '{key}'");
    }
}

/// <summary>Marks an explicit None stored in a dict, as distinct from a missing key.</summary>
sealed class PyNone
{
    /// <summary>The single instance.</summary>
    public static readonly PyNone Value = new();

    /// <inheritdoc />
    public override string ToString() => "None";
}
