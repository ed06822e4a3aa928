using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Store;

/// <summary>A filtered, sorted listing kept for the next page request with the same query and table version.</summary>
internal sealed record CachedListing(string Key, IReadOnlyList<JObject> Rows, int? SubqueryCount);
