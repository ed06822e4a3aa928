namespace ManageIQ.OpenScap.Control.Format;

/// <summary>
/// How a Ruby value read from a Control export is shown as JSON, the one shape the C# reader, the writer and the
/// Ruby check (tests) share: a Symbol is a string with a leading <c>:</c> (keys and values alike), an MiqExpression
/// is <c>{"!MiqExpression": {"exp": ..., "context_type": ...}}</c> (its instance variables), other scalars are JSON's.
/// </summary>
public static class ControlView
{
    /// <summary>The key that stands for a <c>!ruby/object:MiqExpression</c> object.</summary>
    public const string MiqExpressionKey = "!MiqExpression";

    /// <summary>The YAML tag Psych writes for an MiqExpression.</summary>
    public const string MiqExpressionTag = "!ruby/object:MiqExpression";

    public const char SymbolPrefix = ':';

    public static string Symbol(string name) => SymbolPrefix + name;
}
