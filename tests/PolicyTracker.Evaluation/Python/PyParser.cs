namespace PolicyTracker.Evaluation.Python;

/// <summary>Recursive-descent parser for Python expressions: boolean operators, comparison chains, subscripts, attributes, calls and displays.</summary>
sealed class PyParser
{
    static readonly HashSet<string> Comparisons = ["==", "!=", "<", ">", "<=", ">="];
    readonly List<PyToken> tokens;
    int position;

    PyParser(List<PyToken> tokens) => this.tokens = tokens;

    /// <summary>Parses a whole expression; throws <see cref="PyError"/> on anything outside the subset.</summary>
    public static PyNode Parse(string source)
    {
        var parser = new PyParser(PyLexer.Tokenize(source));
        var node = parser.Or();
        if (parser.Peek.Kind != "end") throw new PyError("SyntaxError", $"unexpected '{parser.Peek.Text}'");
        return node;
    }

    PyToken Peek => tokens[position];

    bool Accept(string text)
    {
        if ((Peek.Kind is "op" or "name") && Peek.Text == text) { position++; return true; }
        return false;
    }

    void Expect(string text)
    {
        if (!Accept(text)) throw new PyError("SyntaxError", $"expected '{text}' but found '{Peek.Text}'");
    }

    PyNode Or() => BoolChain("or", And);

    PyNode And() => BoolChain("and", Not);

    PyNode BoolChain(string op, Func<PyNode> operand)
    {
        var operands = new List<PyNode> { operand() };
        while (Accept(op)) operands.Add(operand());
        return operands.Count == 1 ? operands[0] : new PyBoolOp(op, operands);
    }

    PyNode Not() => Accept("not") ? new PyNot(Not()) : Comparison();

    PyNode Comparison()
    {
        var first = Unary();
        var rest = new List<(string, PyNode)>();
        while (true)
        {
            string? op = null;
            if (Peek.Kind == "op" && Comparisons.Contains(Peek.Text)) op = Peek.Text;
            else if (Peek is { Kind: "name", Text: "in" }) op = "in";
            else if (Peek is { Kind: "name", Text: "is" }) op = tokens[position + 1].Text == "not" ? "is not" : "is";
            else if (Peek is { Kind: "name", Text: "not" } && tokens[position + 1].Text == "in") op = "not in";
            if (op is null) break;
            position += op.Contains(' ') ? 2 : 1;
            rest.Add((op, Unary()));
        }
        return rest.Count == 0 ? first : new PyCompare(first, rest);
    }

    PyNode Unary() => Accept("-") ? new PyNegate(Unary()) : Postfix();

    PyNode Postfix()
    {
        var node = Atom();
        while (true)
        {
            if (Accept("[")) { var key = Or(); Expect("]"); node = new PyIndex(node, key); }
            else if (Accept(".")) node = new PyAttribute(node, (string)Take("name").Value!);
            else if (Accept("(")) node = new PyCall(node, Sequence(")"));
            else return node;
        }
    }

    PyNode Atom()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case "number": position++; return new PyConst(token.Value);
            case "string":
                var text = "";
                while (Peek.Kind == "string") text += (string)tokens[position++].Value!;
                return new PyConst(text);
            case "name":
                position++;
                return token.Text switch { "True" => new PyConst(true), "False" => new PyConst(false), "None" => new PyConst(null), _ => new PyName(token.Text) };
        }
        if (Accept("("))
        {
            if (Accept(")")) return new PyTupleDisplay([]);
            var first = Or();
            if (Accept(")")) return first;
            Expect(",");
            return new PyTupleDisplay([first, .. Sequence(")")]);
        }
        if (Accept("[")) return new PyListDisplay(Sequence("]"));
        if (Accept("{")) return Dict();
        throw new PyError("SyntaxError", $"unexpected '{token.Text}'");
    }

    PyNode Dict()
    {
        var items = new List<(PyNode, PyNode)>();
        while (!Accept("}"))
        {
            var key = Or();
            Expect(":");
            items.Add((key, Or()));
            if (!Accept(",")) { Expect("}"); break; }
        }
        return new PyDictDisplay(items);
    }

    List<PyNode> Sequence(string close)
    {
        var items = new List<PyNode>();
        while (!Accept(close))
        {
            items.Add(Or());
            if (!Accept(",")) { Expect(close); break; }
        }
        return items;
    }

    PyToken Take(string kind)
    {
        if (Peek.Kind != kind) throw new PyError("SyntaxError", $"expected a {kind} but found '{Peek.Text}'");
        return tokens[position++];
    }
}
