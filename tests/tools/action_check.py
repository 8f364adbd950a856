#!/usr/bin/python3
"""Checks a composite GitHub Action's metadata (action.yml), which actionlint does not lint.

    action_check.py ACTION_YML [--workflow WORKFLOW.yml]... [--scripts-dir DIR]

It checks what the runner would reject or silently get wrong: the keys GitHub reads, a
composite `runs` whose steps each have `run` + `shell` or `uses`, unique step ids, every
`inputs.X` used is declared and every declared input is used, every `steps.ID.outputs.NAME`
names an earlier step (and, for a `run` step, a NAME it writes to $GITHUB_OUTPUT), outputs with a
`value`, no `${{ }}` inside `run` scripts (inputs go through `env`, so no script injection), and
scripts under $GITHUB_ACTION_PATH that exist and are executable. With --workflow, each
`uses: ./` step of the workflow may pass only declared inputs and read only declared outputs.
Prints `file: problem` lines and exits 1 when there are problems (2 on usage errors).
"""
import os
import re
import sys

import yaml

ACTION_KEYS = {"name", "author", "description", "inputs", "outputs", "runs", "branding"}
INPUT_KEYS = {"description", "required", "default", "deprecationMessage"}
COMPOSITE_STEP_KEYS = {
    "id", "if", "name", "uses", "run", "shell", "with", "env", "working-directory",
    "continue-on-error",
}
BRANDING_COLORS = {"white", "black", "yellow", "blue", "green", "orange", "red", "purple",
                   "gray-dark"}
INPUT_REF = re.compile(r"\binputs\.([A-Za-z_][\w-]*)")
STEP_OUTPUT_REF = re.compile(r"\bsteps\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)")
EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}", re.S)
GITHUB_OUTPUT_WRITE = re.compile(r"""echo\s+["']?([A-Za-z_][\w-]*)=.*>>\s*"?\$GITHUB_OUTPUT""")
ACTION_PATH_SCRIPT = re.compile(r"\$\{?GITHUB_ACTION_PATH\}?/([\w./-]+)")


def expressions(node):
    """Every `${{ … }}` in the strings of a YAML tree."""
    if isinstance(node, str):
        yield from EXPRESSION.findall(node)
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from expressions(key)
            yield from expressions(value)
    elif isinstance(node, list):
        for item in node:
            yield from expressions(item)


def check_action(path, scripts_dir):
    problems = []
    with open(path, encoding="utf-8") as f:
        action = yaml.safe_load(f)
    if not isinstance(action, dict):
        return [f"{path}: not a mapping"], {}, {}
    for key in sorted(set(action) - ACTION_KEYS):
        problems.append(f"{path}: unknown key '{key}'")
    for key in ("name", "description", "runs"):
        if key not in action:
            problems.append(f"{path}: missing '{key}'")
    color = (action.get("branding") or {}).get("color")
    if color is not None and color not in BRANDING_COLORS:
        problems.append(f"{path}: branding color '{color}' is not one GitHub offers")

    inputs = action.get("inputs") or {}
    for name, spec in inputs.items():
        if not isinstance(spec, dict) or "description" not in spec:
            problems.append(f"{path}: input '{name}' has no description")
            continue
        for key in sorted(set(spec) - INPUT_KEYS):
            problems.append(f"{path}: input '{name}' has an unknown key '{key}'")
        if "default" in spec and not isinstance(spec["default"], (str, bool, int, float)):
            problems.append(f"{path}: input '{name}' has a default that is not a scalar")

    runs = action.get("runs") or {}
    if runs.get("using") != "composite":
        problems.append(f"{path}: runs.using is '{runs.get('using')}', expected 'composite'")
    steps = runs.get("steps") or []
    if not steps:
        problems.append(f"{path}: runs.steps is empty")

    seen_ids = {}
    for index, step in enumerate(steps, 1):
        where = f"{path}: step {index} ({step.get('name') or step.get('id') or '?'})"
        for key in sorted(set(step) - COMPOSITE_STEP_KEYS):
            problems.append(f"{where}: unknown key '{key}'")
        if ("run" in step) == ("uses" in step):
            problems.append(f"{where}: needs exactly one of 'run' and 'uses'")
        if "run" in step:
            if "shell" not in step:
                problems.append(f"{where}: a composite 'run' step needs 'shell'")
            if EXPRESSION.search(str(step["run"])):
                problems.append(f"{where}: '${{{{ }}}}' inside 'run'; pass it through 'env'")
            for script in ACTION_PATH_SCRIPT.findall(str(step["run"])):
                script_path = os.path.join(scripts_dir, script)
                if not os.path.isfile(script_path) or not os.access(script_path, os.X_OK):
                    problems.append(f"{where}: $GITHUB_ACTION_PATH/{script} is not an "
                                    f"executable file in {scripts_dir}")
        # Expressions may name only steps before this one, and outputs those steps set.
        for expression in expressions({k: v for k, v in step.items() if k != "run"}):
            for step_id, output in STEP_OUTPUT_REF.findall(expression):
                problems += check_step_output(where, seen_ids, step_id, output)
        if "id" in step:
            if step["id"] in seen_ids:
                problems.append(f"{where}: duplicate step id '{step['id']}'")
            seen_ids[step["id"]] = step

    outputs = action.get("outputs") or {}
    for name, spec in outputs.items():
        if not isinstance(spec, dict) or "value" not in spec or "description" not in spec:
            problems.append(f"{path}: output '{name}' needs 'description' and 'value'")
            continue
        for step_id, output in STEP_OUTPUT_REF.findall(str(spec["value"])):
            problems += check_step_output(f"{path}: output '{name}'", seen_ids, step_id, output)

    used = {name for expression in expressions(action) for name in INPUT_REF.findall(expression)}
    for name in sorted(used - set(inputs)):
        problems.append(f"{path}: 'inputs.{name}' is used but not declared")
    for name in sorted(set(inputs) - used):
        problems.append(f"{path}: input '{name}' is declared but never used")
    return problems, inputs, outputs


def check_step_output(where, seen_ids, step_id, output):
    step = seen_ids.get(step_id)
    if step is None:
        return [f"{where}: 'steps.{step_id}' is not an earlier step"]
    if "run" in step and output not in GITHUB_OUTPUT_WRITE.findall(step["run"]):
        return [f"{where}: step '{step_id}' never writes '{output}' to $GITHUB_OUTPUT"]
    return []


def check_workflow(path, inputs, outputs):
    """The workflow's `uses: ./` steps against the action's inputs and outputs."""
    problems = []
    with open(path, encoding="utf-8") as f:
        workflow = yaml.safe_load(f)
    for job_name, job in (workflow.get("jobs") or {}).items():
        local_ids = set()
        for step in job.get("steps") or []:
            if step.get("uses") != "./":
                continue
            for name in sorted(set(step.get("with") or {}) - set(inputs)):
                problems.append(f"{path}: job '{job_name}' passes unknown input '{name}'")
            if "id" in step:
                local_ids.add(step["id"])
        for expression in expressions(job):
            for step_id, output in STEP_OUTPUT_REF.findall(expression):
                if step_id in local_ids and output not in outputs:
                    problems.append(f"{path}: job '{job_name}' reads unknown output '{output}'")
    return problems


def main(argv):
    args = list(argv)
    workflows = []
    scripts_dir = None
    try:
        while "--workflow" in args:
            i = args.index("--workflow")
            workflows.append(args[i + 1])
            del args[i:i + 2]
        if "--scripts-dir" in args:
            i = args.index("--scripts-dir")
            scripts_dir = args[i + 1]
            del args[i:i + 2]
        (action_path,) = args
    except (IndexError, ValueError):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    scripts_dir = scripts_dir or os.path.dirname(os.path.abspath(action_path))
    problems, inputs, outputs = check_action(action_path, scripts_dir)
    for workflow in workflows:
        problems += check_workflow(workflow, inputs, outputs)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
