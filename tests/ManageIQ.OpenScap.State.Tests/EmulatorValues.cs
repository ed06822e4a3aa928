using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.State.Tests;

/// <summary>
/// Compares a value the emulator stored with the one posted. The emulator is being changed to store values
/// verbatim (issue 11, item 4); until that lands it stores them JSON-escaped, without the outer quotes
/// (a newline as <c>\n</c>, a quote as <c>\"</c>). <see cref="StoredAs"/> accepts both, so these tests pass
/// before and after; <see cref="IsVerbatim"/> tells which one was seen, for the assertions that need it.
/// </summary>
public static class EmulatorValues
{
    public static bool StoredAs(string stored, string posted) => stored == posted || stored == Escaped(posted);

    public static bool IsVerbatim(string stored, string posted) => stored == posted;

    private static string Escaped(string value) => new JValue(value).ToString(Formatting.None).Trim('"');
}
