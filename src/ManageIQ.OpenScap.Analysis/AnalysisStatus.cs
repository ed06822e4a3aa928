namespace ManageIQ.OpenScap.Analysis;

/// <summary>How analysing one image ended, from ManageIQ's point of view.</summary>
public enum AnalysisStatus
{
    /// <summary>The scan completed and its result is in ManageIQ.</summary>
    Posted,

    /// <summary>The scan failed, and <c>openscap_status=error</c> with the reason is in ManageIQ.</summary>
    ErrorPosted,

    /// <summary>ManageIQ has no container image of that id: nothing scanned.</summary>
    ImageNotFound,

    /// <summary>The image is archived in ManageIQ (gone from its provider): nothing scanned.</summary>
    ImageArchived,

    /// <summary>ManageIQ refused to show the image (credentials, role, group): nothing scanned.</summary>
    LookupRefused,

    /// <summary>ManageIQ did not answer; when a result was recorded it waits in the outbox.</summary>
    Unreachable,

    /// <summary>ManageIQ refused the result's requests; it waits in the outbox until the cause is fixed.</summary>
    Refused,
}
