namespace Monocle.Paygentic.Scopes;

/// <summary>
/// One open scope in an async flow: an immutable link in the chain that <see cref="ScopeContext"/>
/// holds. Immutability is what isolates parallel flows: each flow holds its own chain head.
/// </summary>
internal sealed class ScopeFrame
{
    public ScopeFrame(MonocleScope owner, string name, string? value, bool masksSubject, ScopeFrame? parent)
    {
        Owner = owner;
        Name = name;
        Value = string.IsNullOrWhiteSpace(value) ? null : value;
        MasksSubject = masksSubject;
        Parent = parent;
        TagName = MonocleAttributes.ScopePrefix + name;
    }

    /// <summary>The scope object whose disposal closes this frame (copies made on repair keep it).</summary>
    public MonocleScope Owner { get; }

    public string Name { get; }

    /// <summary>The value; <see langword="null"/> (given as null, empty or blank) hides any outer scope of the same name.</summary>
    public string? Value { get; }

    /// <summary>A billing-subject frame hides every outer subject scope (subscription and customer).</summary>
    public bool MasksSubject { get; }

    public ScopeFrame? Parent { get; }

    /// <summary>The span attribute name, <c>scope.&lt;name&gt;</c>, computed once.</summary>
    public string TagName { get; }

    /// <summary>Whether this frame hides <paramref name="outer"/>, a frame further out in the chain.</summary>
    public bool Hides(ScopeFrame outer) =>
        string.Equals(outer.Name, Name, StringComparison.Ordinal)
        || (MasksSubject && ScopeContext.IsSubjectName(outer.Name));
}
