namespace ManageIQ.OpenScap.Oval;

/// <summary>A dpkginfo_test or rpminfo_test: the only tests the slimmer can decide.</summary>
/// <param name="Database">Which package database its probe reads.</param>
/// <param name="ObjectId">Its <c>object_ref</c>.</param>
/// <param name="CheckExistence">Its <c>check_existence</c> attribute; null when absent (OVAL's default, at_least_one_exists).</param>
/// <param name="HasState">Whether it names a state.</param>
internal sealed record PackageTest(PackageDatabase Database, string ObjectId, string? CheckExistence, bool HasState);
