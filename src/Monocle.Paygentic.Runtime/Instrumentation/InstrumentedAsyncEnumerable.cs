using System.ComponentModel;
using System.Diagnostics;
using Monocle.Paygentic.Scopes;

namespace Monocle.Paygentic.Instrumentation;

/// <summary>
/// An async stream returned by a generated <see cref="BillableInferenceAttribute"/> or
/// <see cref="BillingSubjectAttribute"/> wrapper (generator contract). It runs every step of the
/// enumeration inside the context of the call that created it: the trace scopes open at that call and,
/// for a billable stream, the inference span, which starts when enumeration starts and ends when it
/// ends, faults or is abandoned.
/// </summary>
/// <remarks>
/// An async iterator resumes on its consumer's execution context, so <see cref="Activity.Current"/> and
/// scopes set inside it are lost after a <see langword="yield"/> and leak into the consumer's loop body
/// (dotnet/runtime#47951). Each <see cref="IAsyncEnumerator{T}.MoveNextAsync"/> and
/// <see cref="IAsyncDisposable.DisposeAsync"/> here sets the call's context for the iterator and, being
/// an async method itself, leaves the consumer's context untouched.
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class InstrumentedAsyncEnumerable<T> : IAsyncEnumerable<T>
{
    private readonly IAsyncEnumerable<T> _source;
    private readonly ScopeFrame? _scopes;
    private readonly Activity? _parent;
    private readonly string? _provider;
    private readonly string _name;
    private readonly string? _model;
    private readonly Func<T, InferenceUsage>? _readUsage;
    private readonly StreamUsageMode _usageMode;

    /// <summary>A stream that carries the scopes in effect now (a <see cref="BillingSubjectAttribute"/> wrapper) and no span.</summary>
    /// <param name="source">The implementation's stream.</param>
    public InstrumentedAsyncEnumerable(IAsyncEnumerable<T> source)
        : this(source, provider: null, name: string.Empty, model: null, readUsage: null, StreamUsageMode.Latest)
    {
    }

    /// <summary>A billable stream: an inference span covers its enumeration, in the scopes in effect now.</summary>
    /// <param name="source">The implementation's stream.</param>
    /// <param name="provider">The provider as Monocle names it, e.g. <c>openai</c>.</param>
    /// <param name="name">The span name.</param>
    /// <param name="model">The model, when known before the call.</param>
    /// <param name="readUsage">Reads the usage an item carries; <see langword="null"/> when items carry none.</param>
    /// <param name="usageMode">How the items' usage adds up.</param>
    public InstrumentedAsyncEnumerable(
        IAsyncEnumerable<T> source,
        string? provider,
        string name,
        string? model,
        Func<T, InferenceUsage>? readUsage,
        StreamUsageMode usageMode)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _scopes = ScopeContext.Current;
        _parent = Activity.Current;
        _provider = provider;
        _name = name;
        _model = model;
        _readUsage = readUsage;
        _usageMode = usageMode;
    }

    /// <inheritdoc/>
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        var callerActivity = Activity.Current;
        var callerScopes = ScopeContext.Current;
        Activity.Current = _parent;
        ScopeContext.Current = _scopes;
        try
        {
            var span = _provider is null ? default : InferenceSpan.Start(_provider, _name, _model);
            try
            {
                return new Enumerator(this, _source.GetAsyncEnumerator(cancellationToken), span);
            }
            catch (Exception exception)
            {
                span.RecordException(exception);
                span.End();
                throw;
            }
        }
        finally
        {
            Activity.Current = callerActivity;
            ScopeContext.Current = callerScopes;
        }
    }

    private sealed class Enumerator : IAsyncEnumerator<T>
    {
        private readonly InstrumentedAsyncEnumerable<T> _owner;
        private readonly IAsyncEnumerator<T> _inner;
        private readonly InferenceSpan _span;
        private InferenceUsage _usage;
        private bool _ended;

        public Enumerator(InstrumentedAsyncEnumerable<T> owner, IAsyncEnumerator<T> inner, InferenceSpan span)
        {
            _owner = owner;
            _inner = inner;
            _span = span;
        }

        public T Current => _inner.Current;

        // Async methods restore their caller's execution context when they return or first yield, so the
        // context entered here reaches the iterator (and what it awaits) but never the consumer.
        public async ValueTask<bool> MoveNextAsync()
        {
            EnterCallContext();
            bool hasItem;
            try
            {
                hasItem = await _inner.MoveNextAsync().ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                if (!_ended)
                {
                    _ended = true;
                    _span.RecordException(exception);
                    _span.End(in _usage);
                }

                throw;
            }

            if (hasItem)
            {
                if (_owner._readUsage is { } readUsage)
                {
                    var itemUsage = readUsage(_inner.Current);
                    _usage = _owner._usageMode == StreamUsageMode.Sum ? _usage.Add(itemUsage) : _usage.Update(itemUsage);
                }
            }
            else if (!_ended)
            {
                _ended = true;
                _span.End(in _usage);
            }

            return hasItem;
        }

        public async ValueTask DisposeAsync()
        {
            EnterCallContext();
            try
            {
                // The iterator's finally blocks run here, still inside the call's context.
                await _inner.DisposeAsync().ConfigureAwait(false);
            }
            finally
            {
                if (!_ended)
                {
                    // The consumer stopped reading early: the call still happened and is counted.
                    _ended = true;
                    _span.EndAbandoned(in _usage);
                }
            }
        }

        private void EnterCallContext()
        {
            Activity.Current = _span.Activity ?? _owner._parent;
            ScopeContext.Current = _owner._scopes;
        }
    }
}
