namespace PolicyTracker.Evaluation.Python;

/// <summary>A node of the small Python expression language used by the corpus's Expect lines.</summary>
abstract record PyNode;

/// <summary>A literal: string, number, bool or None.</summary>
sealed record PyConst(object? Value) : PyNode;

/// <summary>A variable such as bozo, feed, entries or version.</summary>
sealed record PyName(string Name) : PyNode;

/// <summary>Subscription: target[key].</summary>
sealed record PyIndex(PyNode Target, PyNode Key) : PyNode;

/// <summary>Attribute access: target.name (a key lookup on feedparser dictionaries).</summary>
sealed record PyAttribute(PyNode Target, string Name) : PyNode;

/// <summary>A call of a builtin (len) or a method (get, has_key, keys).</summary>
sealed record PyCall(PyNode Callee, IReadOnlyList<PyNode> Arguments) : PyNode;

/// <summary>Logical negation.</summary>
sealed record PyNot(PyNode Operand) : PyNode;

/// <summary>Arithmetic negation of a number.</summary>
sealed record PyNegate(PyNode Operand) : PyNode;

/// <summary>A chain of 'and' or of 'or' operands, short-circuited as Python does.</summary>
sealed record PyBoolOp(string Operator, IReadOnlyList<PyNode> Operands) : PyNode;

/// <summary>A comparison chain such as a == b == c.</summary>
sealed record PyCompare(PyNode First, IReadOnlyList<(string Operator, PyNode Right)> Rest) : PyNode;

/// <summary>A tuple display.</summary>
sealed record PyTupleDisplay(IReadOnlyList<PyNode> Items) : PyNode;

/// <summary>A list display.</summary>
sealed record PyListDisplay(IReadOnlyList<PyNode> Items) : PyNode;

/// <summary>A dict display.</summary>
sealed record PyDictDisplay(IReadOnlyList<(PyNode Key, PyNode Value)> Items) : PyNode;
