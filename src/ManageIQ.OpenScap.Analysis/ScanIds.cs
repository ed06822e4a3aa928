using System.Globalization;
using System.Security.Cryptography;

namespace ManageIQ.OpenScap.Analysis;

/// <summary>Scan ids: the UTC start time then random hex, so they sort by time and name a directory safely.</summary>
public static class ScanIds
{
    public static string New(DateTimeOffset startedOn) =>
        string.Create(CultureInfo.InvariantCulture, $"{startedOn.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
}
