namespace ManageIQ.OpenScap.Demo.Hosting;

/// <summary>What the in-process service of the demo is pointed at.</summary>
/// <param name="ManageIqUrl">The emulator.</param>
/// <param name="User">The bridge's user in it.</param>
/// <param name="Password">Its password (in memory only: never logged, never written).</param>
/// <param name="StateDirectory">The bridge's store, kept across runs.</param>
/// <param name="RegistryHost">The loopback registry, <c>127.0.0.1:PORT</c>.</param>
/// <param name="CveFeed">The sample feed's path.</param>
/// <param name="FeedCache">Where the scanner keeps its copy of the feed.</param>
public sealed record DemoServiceSettings(Uri ManageIqUrl, string User, string Password, string StateDirectory, string RegistryHost, string CveFeed, string FeedCache)
{
    public const string Profile = "standard";
    public const string DataStream = "ssg-debian12-ds.xml";

    /// <summary>The demo's choice: Debian's feed carries no severity, so any vulnerable CVE counts.</summary>
    public const string MinCveSeverity = "any";

    /// <summary>The keys of the service's configuration, winning over any file or environment variable.</summary>
    public IReadOnlyDictionary<string, string?> Configuration() => new Dictionary<string, string?>
    {
        ["ManageIq:BaseUrl"] = ManageIqUrl.AbsoluteUri,
        ["ManageIq:User"] = User,
        ["ManageIq:Password"] = Password,
        ["ManageIq:Token"] = null,
        ["ManageIq:Group"] = null,
        ["Bridge:StateDirectory"] = StateDirectory,
        ["Bridge:ResultsDirectory"] = null,
        ["Bridge:Backend"] = "local",
        // Scanning follows the profile the operator assigned (DemoPolicyGesture), who also registered it.
        ["Bridge:Providers:Mode"] = "assigned",
        ["Bridge:Policies:RegisterOnStart"] = "false",
        ["Bridge:Discovery:Interval"] = "01:00:00",
        ["Bridge:Limits:PerProvider"] = "2",
        ["Bridge:Limits:Global"] = "2",
        ["Bridge:Shutdown:Grace"] = "00:00:05",
        ["Bridge:BackPressure:PollInterval"] = "00:00:00.250",
        ["Bridge:Compliance:MinCveSeverity"] = MinCveSeverity,
        ["Bridge:Leadership:Mode"] = "file",
        ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0",
        ["ImageAcquisition:InsecureRegistries:0"] = RegistryHost,
        ["CveFeeds:Policy"] = "Required",
        ["CveFeeds:CacheDirectory"] = FeedCache,
        ["ScapContent:Distributions:0:Id"] = "debian",
        ["ScapContent:Distributions:0:Versions:0"] = "12",
        ["ScapContent:Distributions:0:DataStreams:0"] = DataStream,
        ["ScapContent:Distributions:0:Profile"] = Profile,
        ["ScapContent:Distributions:0:CveFeed"] = CveFeed,
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft"] = "Warning",
        ["Logging:LogLevel:Quartz"] = "Warning",
    };
}
