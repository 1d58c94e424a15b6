#!/usr/bin/env bash
# Measures what the Monocle.Paygentic analyzers cost a build: generates a project of FILES files
# (default 500) with CALLS billable calls each (default 8) in a temp dir, builds it once to warm up,
# then rebuilds with -p:ReportAnalyzer=true and prints the compiler's per-analyzer times.
# Usage: benchmarks/AnalyzerCost/run.sh [files] [calls-per-file]
set -euo pipefail
FILES=${1:-500}
CALLS=${2:-8}
REPO=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/mpg-analyzer-cost.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

cat > "$WORK/Bench.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <!-- MPG0001 must stay on: the compiler skips an analyzer whose every rule is suppressed. -->
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$REPO/src/Monocle.Paygentic.Runtime/Monocle.Paygentic.Runtime.csproj" />
    <ProjectReference Include="$REPO/src/Monocle.Paygentic.Analyzers/Monocle.Paygentic.Analyzers.csproj"
                      OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>
</Project>
XML
# Keep the repo's Directory.Build.props / Directory.Packages.props out of the generated project.
echo '<Project />' > "$WORK/Directory.Build.props"
echo '<Project />' > "$WORK/Directory.Build.targets"
echo '<Project />' > "$WORK/Directory.Packages.props"

cat > "$WORK/Llm.cs" <<'CS'
using Monocle.Paygentic;
namespace Bench;
public sealed class Llm
{
    [RequiresBillingSubject]
    public Task<string> AskAsync(string q) => Task.FromResult(q);
    [RequiresBillingSubject]
    public string Ask(string q) => q;
}
CS

for ((f = 0; f < FILES; f++)); do
  {
    echo "using Monocle.Paygentic;"
    echo "namespace Bench;"
    echo "public sealed class Service$f"
    echo "{"
    echo "    private readonly Llm _llm = new();"
    for ((c = 0; c < CALLS; c++)); do
      case $((c % 4)) in
        0) echo "    public string Uncovered$c(string q) => _llm.Ask(q + \"$c\");" ;;
        1) echo "    public async Task<string> Scoped$c(string subscriptionId, string q)"
           echo "    {"
           echo "        using var scope = MonocleTrace.Scope(MonocleScopes.SubscriptionId, subscriptionId);"
           echo "        var a = q.Trim();"
           echo "        if (a.Length > 3) { a = a.ToUpperInvariant(); }"
           echo "        return await _llm.AskAsync(a);"
           echo "    }" ;;
        2) echo "    public Task<string> Lambda$c(string customerId, string q)"
           echo "    {"
           echo "        using (MonocleTrace.Scope(MonocleScopes.CustomerId, customerId))"
           echo "        {"
           echo "            return Task.Run(() => _llm.Ask(q));"
           echo "        }"
           echo "    }" ;;
        3) echo "    public string Plain$c(string q) { var s = q.Split(','); return string.Join(\";\", s) + s.Length; }" ;;
      esac
    done
    echo "}"
  } > "$WORK/Service$f.cs"
done

echo "Generated $FILES files, $((FILES * CALLS * 3 / 4)) billable calls, in $WORK"
cd "$WORK"
dotnet build -nologo -v:q > /dev/null
touch "$WORK/Llm.cs"
dotnet build -nologo --no-dependencies -p:ReportAnalyzer=true -v:d > build.log
# The compiler prints "Total analyzer execution time" and one line per analyzer type.
sed -n '/Total analyzer execution time/,/Total generator execution time/p' build.log | grep -E "Total|Monocle" | sed 's/^ *//'
echo "MPG0001 warnings reported: $(grep -oE 'warning MPG0001' build.log | wc -l)"
grep -oE 'Time Elapsed [0-9:.]+' build.log | tail -1
