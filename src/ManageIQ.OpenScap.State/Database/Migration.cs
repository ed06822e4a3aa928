namespace ManageIQ.OpenScap.State.Database;

/// <summary>One forward step of the schema: after it, <c>PRAGMA user_version</c> is <paramref name="Version"/>.</summary>
internal sealed record Migration(int Version, string Description, string Sql);
