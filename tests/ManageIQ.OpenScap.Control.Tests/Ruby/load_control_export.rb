# Loads a Control export the way ManageIQ's importer does (MiqPolicy.import -> YAML.safe_load with MiqExpression
# and Symbol permitted, aliases allowed) and prints it as JSON in the bridge's view: a Symbol is ":name", an
# MiqExpression is {"!MiqExpression": {its instance variables}}. MiqExpression here is a stand-in with the ivars
# ManageIQ's class has (exp, context_type); Psych sets them without calling initialize, as on the appliance.
require "yaml"
require "json"
require "date"

class MiqExpression
  attr_accessor :exp, :context_type
end

def view(value)
  case value
  when MiqExpression
    {"!MiqExpression" => value.instance_variables.sort.to_h { |iv| [iv.to_s.delete_prefix("@"), view(value.instance_variable_get(iv))] }}
  when Hash then value.to_h { |k, v| [k.is_a?(Symbol) ? ":#{k}" : k.to_s, view(v)] }
  when Array then value.map { |v| view(v) }
  when Symbol then ":#{value}"
  when Date, Time then raise "a date or time: #{value}"
  else value
  end
end

data = YAML.safe_load(File.read(ARGV.fetch(0)), permitted_classes: [MiqExpression, Symbol, Date, DateTime, Time], aliases: true)
puts JSON.generate(view(data))
