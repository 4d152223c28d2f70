import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { Template } from "aws-cdk-lib/assertions";
import { App, getStack, StaticSite, type StaticSiteProps } from "sst/constructs";
import { initProject, useProject } from "sst/project.js";
import config from "../../sst.config";
import { Api } from "../../infra/Api";
import { Auth } from "../../infra/Auth";
import { Database } from "../../infra/Database";
import { Web } from "../../infra/Web";

export const TEST_REGION = "eu-west-2";
export const TEST_ACCOUNT = "123456789012";

export type Json = Record<string, unknown>;

export interface Synthesised {
  app: App;
  database: Template;
  auth: Template;
  api: Template;
  web: Template;
  /** The portal's props as SST received them (after the build redirect below). */
  siteProps: StaticSiteProps;
  /** The VITE_* environment the portal's build command was given. */
  siteBuildEnv: Record<string, string>;
}

/**
 * Synthesises the app exactly as sst.config.ts wires it, offline: no AWS call (account and region
 * are fixed). Synthesis runs SST's deferred tasks as `sst deploy` does, so the GraphQL function is
 * really bundled with its deploy settings (infra/lambda-bundle.ts; the bundle's behaviour has its own
 * test, test/bundle). SST also runs the portal's build during synthesis; here the Vite build is
 * swapped for a stub that records the environment it was given and writes a one-file site, so the
 * template still gets the site's upload resource and its deploy-time substitutions.
 *
 * initProject keeps module-level state: a test file synthesises one stage. Another stage goes in
 * its own file (vitest runs files in separate workers).
 */
export async function synthesise(stage: string): Promise<Synthesised> {
  await initProject({ stage, region: TEST_REGION });
  // Test files synthesise in parallel workers; SST's build directories are per function address,
  // which two files of one stage share. Give each worker its own.
  const workspace = `.sst/infra-test-${process.pid}`;
  rmSync(workspace, { recursive: true, force: true });
  useProject().paths.artifacts = join(workspace, "artifacts");
  const app = new App({
    mode: "deploy",
    stage,
    name: "needlework",
    region: TEST_REGION,
    account: TEST_ACCOUNT,
  });
  config.stacks(app);

  const site = getStack(Web).node.findChild("Portal");
  if (!(site instanceof StaticSite)) throw new Error("the Web stack has no Portal StaticSite");
  const siteProps = (site as unknown as { props: StaticSiteProps }).props;
  const declared = { buildCommand: siteProps.buildCommand, buildOutput: siteProps.buildOutput };
  const stubOut = join(workspace, "site");
  // The build command runs in web/; buildOutput is resolved against web/.
  siteProps.buildOutput = `../${stubOut}`;
  siteProps.buildCommand = `node -e "${stubBuild(`../${stubOut}`)}"`;
  await app.finish();
  const siteBuildEnv = JSON.parse(readFileSync(join(stubOut, "env.json"), "utf8")) as Record<string, string>;

  const synthesised: Synthesised = {
    app,
    database: Template.fromStack(getStack(Database)),
    auth: Template.fromStack(getStack(Auth)),
    api: Template.fromStack(getStack(Api)),
    web: Template.fromStack(getStack(Web)),
    siteProps: { ...siteProps, ...declared },
    siteBuildEnv,
  };
  rmSync(workspace, { recursive: true, force: true });
  return synthesised;
}

/** A one-line Node program writing index.html and env.json (every VITE_* variable) to `out`. */
function stubBuild(out: string): string {
  return [
    "const fs=require('fs');",
    `fs.mkdirSync('${out}',{recursive:true});`,
    "const env=Object.fromEntries(Object.entries(process.env).filter(([k])=>k.startsWith('VITE_')));",
    `fs.writeFileSync('${out}/env.json',JSON.stringify(env));`,
    `fs.writeFileSync('${out}/index.html','<html></html>');`,
  ].join("");
}

export interface Resource {
  logicalId: string;
  props: Json;
  deletionPolicy?: string;
  updateReplacePolicy?: string;
}

/** Every resource of a type in a template. */
export function resources(template: Template, type: string): Resource[] {
  return Object.entries(template.findResources(type)).map(([logicalId, r]) => {
    const res = r as { Properties?: Json; DeletionPolicy?: string; UpdateReplacePolicy?: string };
    return {
      logicalId,
      props: res.Properties ?? {},
      deletionPolicy: res.DeletionPolicy,
      updateReplacePolicy: res.UpdateReplacePolicy,
    };
  });
}

/** The one resource of a type in a template, failing loudly when there is none or several. */
export function only(template: Template, type: string): Resource {
  const found = resources(template, type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0]!;
}

/**
 * What a cross-stack `Fn::ImportValue` stands for: the exported output's value in the producing
 * template, so a test can say "TABLE_NAME is the table's Ref" rather than match export names.
 */
export function resolveImport(value: unknown, producers: Template[]): unknown {
  const name = (value as { "Fn::ImportValue"?: string } | undefined)?.["Fn::ImportValue"];
  if (typeof name !== "string") return value;
  for (const t of producers) {
    const outputs = (
      t.toJSON() as { Outputs?: Record<string, { Value: unknown; Export?: { Name: string } }> }
    ).Outputs;
    for (const o of Object.values(outputs ?? {})) if (o.Export?.Name === name) return o.Value;
  }
  throw new Error(`no template exports ${name}`);
}

/** Replaces every `Fn::ImportValue` inside a template value with what it resolves to. */
export function resolveImports(value: unknown, producers: Template[]): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveImports(v, producers));
  if (value && typeof value === "object") {
    if ("Fn::ImportValue" in value) return resolveImport(value, producers);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveImports(v, producers)]));
  }
  return value;
}

/** A Ref / GetAtt pointing at a logical id, as CloudFormation writes them. */
export const ref = (logicalId: string) => ({ Ref: logicalId });
export const arnOf = (logicalId: string) => ({ "Fn::GetAtt": [logicalId, "Arn"] });

/** Actions of a policy statement, always as a list. */
export function actionsOf(statement: Json): string[] {
  const a = statement.Action;
  return Array.isArray(a) ? (a as string[]) : [a as string];
}

export function resourcesOf(statement: Json): unknown[] {
  const r = statement.Resource;
  return Array.isArray(r) ? r : [r];
}

/** Every statement of every IAM policy (inline policies and roles' inline policies) in a template. */
export function policyStatements(template: Template): Json[] {
  const out: Json[] = [];
  for (const p of resources(template, "AWS::IAM::Policy")) {
    out.push(...((p.props.PolicyDocument as { Statement: Json[] }).Statement ?? []));
  }
  for (const r of resources(template, "AWS::IAM::Role")) {
    for (const p of (r.props.Policies as { PolicyDocument: { Statement: Json[] } }[] | undefined) ?? []) {
      out.push(...p.PolicyDocument.Statement);
    }
  }
  return out;
}
