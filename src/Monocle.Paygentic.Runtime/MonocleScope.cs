using Monocle.Paygentic.Scopes;

namespace Monocle.Paygentic;

/// <summary>
/// An open trace scope, returned by <see cref="MonocleTrace.Scope(string, string?)"/> and
/// <see cref="MonocleTrace.BillingSubject(string?, BillingSubjectKind)"/>. Dispose it (with
/// <see langword="using"/>) to close the scope.
/// </summary>
/// <remarks>
/// Disposal is idempotent and restores exactly the scopes that were in effect when this one opened.
/// Disposing a scope while a scope opened inside it is still open, or from an async flow where it is
/// not open, is a bug in the calling code: the scopes are still restored to what they were before
/// this one opened, so no stale subject stays in effect, and an <see cref="InvalidOperationException"/>
/// says what happened.
/// </remarks>
public sealed class MonocleScope : IDisposable
{
    private ScopeFrame? _frame;

    internal MonocleScope(string name, string? value, bool masksSubject)
    {
        _frame = new ScopeFrame(this, name, value, masksSubject, ScopeContext.Current);
        ScopeContext.Current = _frame;
    }

    /// <summary>The scope's name, e.g. <c>subscriptionId</c>.</summary>
    public string Name => Frame.Name;

    /// <summary>The scope's value; <see langword="null"/> when the scope hides an outer one.</summary>
    public string? Value => Frame.Value;

    private ScopeFrame Frame => _frame ?? throw new ObjectDisposedException(nameof(MonocleScope));

    /// <summary>Closes the scope and restores the scopes in effect before it opened.</summary>
    /// <exception cref="InvalidOperationException">
    /// Scopes were disposed out of order, or on an async flow where this scope is not open.
    /// The scopes are restored all the same.
    /// </exception>
    public void Dispose()
    {
        var frame = Interlocked.Exchange(ref _frame, null);
        if (frame is null)
        {
            return;
        }

        var current = ScopeContext.Current;
        if (ReferenceEquals(current, frame))
        {
            ScopeContext.Current = frame.Parent;
            return;
        }

        // Not the innermost scope of this flow: find it, and close it with everything opened inside it.
        var innermostOpen = current;
        for (var f = current; f is not null; f = f.Parent)
        {
            if (ReferenceEquals(f, frame))
            {
                CloseInnerScopes(innermostOpen!, frame);
                ScopeContext.Current = frame.Parent;
#pragma warning disable CA1065 // Dispose throws: out-of-order disposal is a bug that could bill the wrong subject.
                throw new InvalidOperationException(
                    $"Trace scope '{frame.Name}' was disposed while scope '{innermostOpen!.Name}', opened inside it, was still open. " +
                    "Both are now closed. Dispose scopes in the reverse order of opening: open them with 'using'.");
            }
        }

        throw new InvalidOperationException(
            $"Trace scope '{frame.Name}' was disposed on an async flow where it is not open (scopes opened inside an async method " +
            "end with that method, and a scope cannot be closed from another task). It has no effect here. " +
            "Open and dispose a scope in the same method, with 'using'.");
#pragma warning restore CA1065
    }

    // The scopes opened inside the one being closed are closed with it; their own Dispose is then a no-op.
    private static void CloseInnerScopes(ScopeFrame innermost, ScopeFrame closing)
    {
        for (var f = innermost; !ReferenceEquals(f, closing); f = f.Parent!)
        {
            Interlocked.Exchange(ref f.Owner._frame, null);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => _frame is { } f ? $"{f.Name}={f.Value}" : "(disposed)";
}
