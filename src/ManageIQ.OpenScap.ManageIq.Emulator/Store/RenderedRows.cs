using ManageIQ.OpenScap.ManageIq.Emulator.Rendering;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Store;

/// <summary>Members of a listing already rendered to JSON, valid while <see cref="Key"/> matches.</summary>
internal sealed record RenderedRows(string Key, Dictionary<long, RenderedJson> Rows);
