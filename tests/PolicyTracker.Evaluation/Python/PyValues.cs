using System.Globalization;
using System.Text;

namespace PolicyTracker.Evaluation.Python;

/// <summary>A Python error raised while evaluating (KeyError, IndexError, TypeError, NameError, SyntaxError).</summary>
sealed class PyError(string kind, string message) : Exception($"{kind}: {message}")
{
    /// <summary>The Python exception class name.</summary>
    public string Kind { get; } = kind;
}

/// <summary>An immutable Python tuple (time structs are tuples too).</summary>
sealed record PyTuple(IReadOnlyList<object?> Items);

/// <summary>A feedparser-style dictionary: keys in insertion order, with feedparser's aliases (url→href, guid→id, description→summary, ...).</summary>
sealed class PyDict(IReadOnlyDictionary<string, string[]>? aliases = null)
{
    readonly Dictionary<string, object?> values = [];
    readonly List<string> order = [];

    /// <summary>Keys as stored, in insertion order.</summary>
    public IReadOnlyList<string> Keys => order;

    /// <summary>Stores a value; null values are not stored, as feedparser leaves missing data out.</summary>
    public PyDict Set(string key, object? value)
    {
        if (value is null) return this;
        if (!values.ContainsKey(key)) order.Add(key);
        values[key] = value;
        return this;
    }

    /// <summary>Looks a key up directly or through an alias.</summary>
    public bool TryGet(string key, out object? value)
    {
        if (values.TryGetValue(key, out value)) return true;
        if (aliases?.TryGetValue(key, out var targets) == true)
            foreach (var target in targets)
                if (values.TryGetValue(target, out value)) return true;
        value = null;
        return false;
    }

    /// <summary>Dictionary equality on the stored keys only, as Python compares dicts.</summary>
    public bool SameAs(PyDict other) =>
        order.Count == other.order.Count && order.All(k => other.values.TryGetValue(k, out var v) && PyOps.Equal(values[k], v));
}

/// <summary>Python semantics for truth, equality and repr over the value model.</summary>
static class PyOps
{
    /// <summary>Python truthiness.</summary>
    public static bool Truthy(object? value) => value switch
    {
        null or PyNone => false,
        bool b => b,
        long n => n != 0,
        double d => d != 0,
        string s => s.Length > 0,
        List<object?> l => l.Count > 0,
        PyTuple t => t.Items.Count > 0,
        PyDict d => d.Keys.Count > 0,
        _ => true,
    };

    /// <summary>Python ==.</summary>
    public static bool Equal(object? a, object? b) => (a is PyNone ? null : a, b is PyNone ? null : b) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (string x, string y) => x == y,
        (bool x, bool y) => x == y,
        (long or double or bool, long or double or bool) => Number(a) == Number(b),
        (List<object?> x, List<object?> y) => x.Count == y.Count && x.Zip(y).All(p => Equal(p.First, p.Second)),
        (PyTuple x, PyTuple y) => x.Items.Count == y.Items.Count && x.Items.Zip(y.Items).All(p => Equal(p.First, p.Second)),
        (PyDict x, PyDict y) => x.SameAs(y),
        _ => false,
    };

    /// <summary>The value as a number, for comparisons.</summary>
    public static double Number(object? value) => value switch
    {
        long n => n,
        double d => d,
        bool b => b ? 1 : 0,
        _ => throw new PyError("TypeError", $"{Repr(value)} is not a number"),
    };

    /// <summary>Python-like repr, used to say what we produced.</summary>
    public static string Repr(object? value) => value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        long n => n.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        string s => QuoteString(s),
        List<object?> l => "[" + string.Join(", ", l.Select(Repr)) + "]",
        PyTuple t => "(" + string.Join(", ", t.Items.Select(Repr)) + (t.Items.Count == 1 ? ",)" : ")"),
        PyDict d => "{" + string.Join(", ", d.Keys.Select(k => QuoteString(k) + ": " + (d.TryGet(k, out var v) ? Repr(v) : "?"))) + "}",
        _ => value.ToString() ?? "?",
    };

    static string QuoteString(string s)
    {
        var output = new StringBuilder("'");
        foreach (var c in s)
        {
            output.Append(c switch
            {
                '\\' => "\\\\",
                '\'' => "\\'",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when c < 0x20 || (c >= 0x7f && c < 0xa0) => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }
        return output.Append('\'').ToString();
    }
}
