namespace ManageIQ.OpenScap.ManageIq.Emulator.Handlers;

/// <summary>
/// What <c>MiqReport.new(hash)</c> accepts: the <c>miq_reports</c> columns (manageiq-schema), <c>menu_name</c>
/// (an alias of name, renamed by the importer) and the <c>userid</c> / <c>group_description</c> setters that
/// exist only to swallow those keys of an export (manageiq <c>app/models/miq_report.rb</c>).
/// </summary>
internal static class ReportColumns
{
    public static readonly string[] Stored =
    [
        "name", "title", "rpt_group", "rpt_type", "priority", "db", "cols", "include", "col_order", "headers", "conditions",
        "order", "sortby", "group", "graph", "dims", "filename", "file_mtime", "categories", "timeline", "template_type",
        "where_clause", "db_options", "generate_cols", "generate_rows", "col_formats", "tz", "time_profile_id",
        "display_filter", "col_options", "rpt_options", "miq_group_id", "user_id",
    ];

    /// <summary>Keys accepted and dropped.</summary>
    public static readonly string[] Ignored = ["userid", "group_description"];

    /// <summary><c>validates_presence_of :name, :title, :db, :rpt_group</c>.</summary>
    public static readonly string[] Required = ["name", "title", "db", "rpt_group"];

    /// <summary><c>report_admin_user?</c>: the roles that may replace a report of another group.</summary>
    public static readonly string[] AdminRoles = ["EvmRole-super_administrator", "EvmRole-administrator"];
}
