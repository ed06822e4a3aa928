namespace ManageIQ.OpenScap.ManageIq.Emulator.Faults;

/// <summary>What an injected fault does to a matching request.</summary>
public enum FaultKind
{
    /// <summary>Answer with an HTML error page and the rule's status (a proxy's 502/503/504) without handling.</summary>
    Status,

    /// <summary>Wait the rule's delay, then handle the request normally.</summary>
    Delay,

    /// <summary>Close the connection without handling the request or answering.</summary>
    DropConnection,

    /// <summary>Handle the request (writes happen), then close the connection without answering.</summary>
    DropAfterHandling,

    /// <summary>Expire every issued token, then handle the request (which then fails with 401 if it used one).</summary>
    ExpireTokens,

    /// <summary>Handle the request (writes happen), then wait the rule's delay before answering: "applied but unanswered".</summary>
    DelayAfterHandling,
}
